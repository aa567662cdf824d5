// The History filters: one zod schema per list, shared by the page's URL, the JSON routes and the CSV export. Pure,
// so the browser can build the same query strings the routes parse.
import { z } from "zod";
import { FUNNEL_STAGES } from "@/lib/ledger/funnel-stages";
import { safeText } from "@/lib/text/safe-text";
import { blank, optDate } from "@/lib/filters/fields";
import { CAMPAIGN_STATUSES } from "./status";
import { WAITING_FILTERS, WAITING_FILTER_ERROR } from "./waits";

const optText = (max: number) => z.preprocess(blank, safeText().trim().max(max, `At most ${max} characters`).optional());

const cursor = safeText().max(1000).optional();
const limit = z.coerce.number().int().min(1).max(200).default(50);

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const CAMPAIGN_SORTS = ["created", "name", "launched"] as const;
export type CampaignSort = (typeof CAMPAIGN_SORTS)[number];

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

/** What a row's status filter can ask for: the send status of sendable rows, the preflight status of the others. */
export const RECIPIENT_STATUSES = ["pending", "sending", "sent", "failed", "skipped", "invalid", "duplicate", "suppressed"] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];
export const NEVER_SENDABLE: readonly RecipientStatus[] = ["invalid", "duplicate", "suppressed"];

export const RECIPIENT_SORTS = ["line", "sent"] as const;
export type RecipientSort = (typeof RECIPIENT_SORTS)[number];

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

/** The keys each list keeps in the page URL, in a fixed order so equal filters give equal query strings. */
export const CAMPAIGN_LIST_KEYS = ["q", "status", "channel", "creator", "from", "to", "sort", "dir"] as const;
export const RECIPIENT_LIST_KEYS = ["status", "waiting", "error", "q", "replied", "stage", "sort", "dir"] as const;

/** The non-empty values of `keys`, as a query string without the leading "?". */
export function listQuery(keys: readonly string[], source: URLSearchParams | Partial<Record<string, string>>): string {
  const out = new URLSearchParams();
  for (const key of keys) {
    const value = (source instanceof URLSearchParams ? source.get(key) : source[key])?.trim();
    if (value) out.set(key, value);
  }
  return out.toString();
}
