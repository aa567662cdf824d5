// The Chat events list's filters: one zod schema for the page's URL and GET /api/chat-events. Pure.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";
import { CHAT_EVENT_TYPES } from "./contract";
import { CHAT_EVENT_STATUSES } from "./filter-query";

export * from "./filter-query";

const optText = (max: number) =>
  safeText()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

const emptyAsMissing = (v: unknown) => (v === "" ? undefined : v);

export const chatEventFilterSchema = z.object({
  type: z.preprocess(emptyAsMissing, z.enum(CHAT_EVENT_TYPES, { error: "Choose MESSAGE, EVENT or DISCONNECT" }).optional()),
  status: z.preprocess(emptyAsMissing, z.enum(CHAT_EVENT_STATUSES, { error: "Choose sent or failed" }).optional()),
  /** A ContactId exactly, as Connect returned it. */
  contactId: optText(256),
  /** Part of the customer's or the Connect number. */
  q: optText(40),
  cursor: z.coerce
    .number({ error: "Use nextCursor of the previous page" })
    .int("Use nextCursor of the previous page")
    .positive("Use nextCursor of the previous page")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ChatEventFilter = z.output<typeof chatEventFilterSchema>;
