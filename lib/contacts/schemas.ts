// The contacts list's filters and the End chat input: one zod schema each, shared by the page's URL, the JSON and
// CSV routes and the action. Pure, so the browser builds the same query strings the routes parse.
import { z } from "zod";
import { safeText } from "@/lib/text/safe-text";
import { blank, optDate } from "@/lib/filters/fields";
import { CONTACT_ORIGINS, CONTACT_STATES } from "./list-filters";

export * from "./list-filters";

export const contactListSchema = z
  .object({
    /** A ContactId (exact), or digits of the customer or Connect number (contains). */
    q: z.preprocess(blank, safeText().trim().max(256, "At most 256 characters").optional()),
    state: z.preprocess(blank, z.enum(CONTACT_STATES, { error: `state must be one of ${CONTACT_STATES.join(", ")}` }).optional()),
    channel: z.preprocess(blank, z.enum(["sms", "whatsapp"], { error: "channel must be sms or whatsapp" }).optional()),
    origin: z.preprocess(blank, z.enum(CONTACT_ORIGINS, { error: `origin must be one of ${CONTACT_ORIGINS.join(", ")}` }).optional()),
    campaignId: z.preprocess(blank, z.uuid("is not a campaign id").optional()),
    from: optDate,
    to: optDate,
    cursor: safeText().max(1000).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must be after the start of the range" });

export type ContactListFilter = z.output<typeof contactListSchema>;
export type ContactExportFilter = Omit<ContactListFilter, "cursor" | "limit">;

export const contactIdSchema = safeText().trim().min(1, "Give the ContactId").max(256, "A ContactId has at most 256 characters");

export const stopContactSchema = z.object({ contactId: contactIdSchema });
