// Input for managing inbound integrations and for their message and rejection lists, shared by the forms, the
// server actions and the routes. Pure.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";
import { INBOUND_STATUSES } from "./statuses";

export * from "./statuses";

const integrationId = z.uuid("Unknown integration");

export const createIntegrationSchema = z.object({
  name: safeText().trim().min(1, "Name it after the provider or the number, e.g. Twilio US support").max(100, "Use at most 100 characters"),
  channel: z.enum(["sms", "whatsapp"], { error: "Choose SMS or WhatsApp" }),
  instanceId: safeText().trim().min(1, "Choose the Amazon Connect instance").max(100, "Use at most 100 characters"),
  phoneNumberArn: safeText().trim().min(1, "Choose the number customers write to").max(500, "Use at most 500 characters"),
});

export const setIntegrationEnabledSchema = z.object({ integrationId, enabled: z.boolean() });
export const rotateSecretSchema = z.object({ integrationId });
export const deleteIntegrationSchema = z.object({
  integrationId,
  /** Messages still waiting to reach Connect are deleted with the integration only when this says so. */
  dropQueued: z.boolean().default(false),
});

export type CreateIntegrationInput = z.input<typeof createIntegrationSchema>;

const optionalText = (max: number) =>
  safeText()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const inboundListFilterSchema = z.object({
  integration: safeText()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.uuid("Unknown integration").optional()),
  status: safeText()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(INBOUND_STATUSES, { error: `Use one of: ${INBOUND_STATUSES.join(", ")}` }).optional()),
  cursor: optionalText(200),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboundListFilter = z.output<typeof inboundListFilterSchema>;
