// The JSON body a provider posts for one inbound message, receipt or disconnect. The customer's number is normalised
// to E.164 (numbers written without a country code take the integration number's country).
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";
import { fieldErrors } from "@/lib/errors";
import { isCountryCode, normalizePhone } from "@/lib/recipients/normalize-phone";
import { INBOUND_TYPES, MAX_MESSAGE_ID_CHARS, MAX_TEXT_CHARS, type InboundType } from "./protocol";

export interface InboundPayload {
  messageId: string;
  type: InboundType;
  from: string;
  to: string;
  /** The message text; null for receipts and disconnects. */
  text: string | null;
  /** For delivered/read receipts: the id of the message they acknowledge (refMessageId, or else text). */
  refMessageId: string | null;
  timestamp: Date;
}

const phone = (missing: string) => safeText({ error: missing }).trim().min(1, missing).max(40, "Use at most 40 characters");

/** Unix seconds (a number or digits; milliseconds are recognised by their size) or an ISO 8601 date-time. */
const timestamp = z
  .union([z.number(), safeText().trim()], { error: "Give the time the provider received it: unix seconds or an ISO 8601 date-time" })
  .transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
    const ms = Number.isFinite(n) ? (n > 1e12 ? n : n * 1000) : /^\d{4}-\d{2}-\d{2}T/.test(String(v)) ? Date.parse(String(v)) : NaN;
    // Years 2000–2100: anything else is a unit mix-up, not a real message.
    if (!Number.isFinite(ms) || ms < 946_684_800_000 || ms > 4_102_444_800_000) {
      ctx.addIssue({ code: "custom", message: "Use unix seconds or an ISO 8601 date-time such as 2026-03-01T09:30:00Z" });
      return z.NEVER;
    }
    return new Date(ms);
  });

const bodySchema = z
  .object(
    {
      messageId: safeText({ error: "Give the provider's id for this message in messageId" })
        .trim()
        .min(1, "Give the provider's id for this message in messageId")
        .max(MAX_MESSAGE_ID_CHARS, `Use at most ${MAX_MESSAGE_ID_CHARS} characters`),
      type: z.enum(INBOUND_TYPES, { error: `Use one of: ${INBOUND_TYPES.join(", ")}` }).default("message"),
      from: phone("Give the customer's number in from"),
      to: phone("Give the number the customer wrote to in to"),
      text: safeText({ error: "text must be a string" }).max(MAX_TEXT_CHARS, `Amazon Connect takes at most ${MAX_TEXT_CHARS} characters`).optional(),
      refMessageId: safeText({ error: "refMessageId must be a string" })
        .trim()
        .min(1, "refMessageId cannot be empty")
        .max(256, "Use at most 256 characters")
        .optional(),
      timestamp,
    },
    { error: "Send a JSON object" },
  )
  .superRefine((v, ctx) => {
    if (v.type === "message" && !v.text?.trim()) ctx.addIssue({ code: "custom", path: ["text"], message: "A message needs its text" });
    if ((v.type === "delivered" || v.type === "read") && !v.refMessageId && !v.text?.trim()) {
      ctx.addIssue({ code: "custom", path: ["refMessageId"], message: `A ${v.type} receipt names the message it acknowledges in refMessageId` });
    }
  });

export type PayloadResult = { ok: true; payload: InboundPayload } | { ok: false; fields: Record<string, string> };

function toE164(value: string, defaultCountry: string | undefined): { ok: true; e164: string } | { ok: false; reason: string } {
  const n = normalizePhone(value, defaultCountry && isCountryCode(defaultCountry) ? defaultCountry : undefined);
  return n.ok ? { ok: true, e164: n.e164 } : { ok: false, reason: n.reason };
}

/** Checks a parsed JSON body for the integration whose number is `integrationPhone` (E.164). */
export function parseInboundPayload(body: unknown, integrationPhone: string): PayloadResult {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error) };
  const v = parsed.data;
  const own = normalizePhone(integrationPhone);
  const country = own.ok ? own.country : undefined;
  const fields: Record<string, string> = {};
  const from = toE164(v.from, country);
  if (!from.ok) fields.from = `${v.from} is not a number a chat can reach: ${from.reason}`;
  // Compared by digits as well: the integration's own number need not pass the validity rules customer numbers do.
  const to = toE164(v.to, country);
  const sameNumber = v.to.replace(/\D/g, "") === integrationPhone.slice(1) || (to.ok && to.e164 === integrationPhone);
  if (!sameNumber) fields.to = `This integration receives messages for ${integrationPhone}, not ${to.ok ? to.e164 : v.to}`;
  if (!from.ok || Object.keys(fields).length > 0) return { ok: false, fields };
  const carriesText = v.type === "message";
  return {
    ok: true,
    payload: {
      messageId: v.messageId,
      type: v.type,
      from: from.e164,
      to: integrationPhone,
      text: carriesText ? v.text! : null,
      refMessageId: v.type === "delivered" || v.type === "read" ? (v.refMessageId ?? v.text!.trim()) : null,
      timestamp: v.timestamp,
    },
  };
}
