// The History filters: one zod schema per list, shared by the JSON routes and the CSV export, parsing the query strings
// the pages build from history-filters.ts.
import { z } from "zod";
import { FUNNEL_STAGES } from "@/lib/ledger/funnel-stages";
import { safeText } from "@/lib/text/safe-text";
import { blank, optDate } from "@/lib/filters/fields";
import { CAMPAIGN_SORTS, RECIPIENT_SORTS, RECIPIENT_STATUSES, SORT_DIRECTIONS } from "./history-filters";
import { CAMPAIGN_STATUSES } from "./status";
import { WAITING_FILTERS, WAITING_FILTER_ERROR } from "./waits";

const optText = (max: number) => z.preprocess(blank, safeText().trim().max(max, `At most ${max} characters`).optional());

const cursor = safeText().max(1000).optional();
const limit = z.coerce.number().int().min(1).max(200).default(50);

export const campaignListSchema = z
  .object({
    q: optText(120),
    status: z.preprocess(blank, z.enum(CAMPAIGN_STATUSES).optional()),
    channel: z.preprocess(blank, z.enum(["sms", "whatsapp"]).optional()),
    creator: optText(200),
    from: optDate,
    to: optDate,
    sort: z.preprocess(blank, z.enum(CAMPAIGN_SORTS).default("created")),
    dir: z.preprocess(blank, z.enum(SORT_DIRECTIONS).optional()),
    cursor,
    limit,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "must be after the start of the range" })
  // Names read best A to Z; dates newest first.
  .transform((f) => ({ ...f, dir: f.dir ?? (f.sort === "name" ? "asc" : "desc") }));

export type CampaignListFilter = z.output<typeof campaignListSchema>;

export const recipientListSchema = z
  .object({
    status: z.preprocess(blank, z.enum(RECIPIENT_STATUSES, { error: `status must be one of ${RECIPIENT_STATUSES.join(", ")}` }).optional()),
    error: optText(200),
    q: optText(40),
    replied: z.preprocess(blank, z.literal("yes", { error: "replied must be yes, or left out for every recipient" }).optional()),
    stage: z.preprocess(blank, z.enum(FUNNEL_STAGES, { error: `stage must be one of ${FUNNEL_STAGES.join(", ")}` }).optional()),
    waiting: z.preprocess(blank, z.enum(WAITING_FILTERS, { error: WAITING_FILTER_ERROR }).optional()),
    sort: z.preprocess(blank, z.enum(RECIPIENT_SORTS).default("line")),
    dir: z.preprocess(blank, z.enum(SORT_DIRECTIONS).optional()),
    cursor,
    limit,
  })
  // The file's order reads top to bottom; sends newest first.
  .transform((f) => ({ ...f, dir: f.dir ?? (f.sort === "line" ? "asc" : "desc") }));

export type RecipientListFilter = z.output<typeof recipientListSchema>;
