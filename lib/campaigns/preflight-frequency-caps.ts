import "server-only";
// How many of a campaign's unsent rows a frequency cap would hold back if they were sent now: one set-based statement
// over the ledger joined to the numbers' contacts (contacts_customer_idx), never a query per row.
import { eq, sql } from "drizzle-orm";
import { campaignRecipients, campaigns, contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { readFrequencyCaps } from "@/lib/settings/frequency-caps";
import { longestWindowHours, ruleWords, rulesForCampaign, type FrequencyCapRule } from "@/lib/settings/frequency-caps-schema";
import type { FrequencyCapSummary } from "./preflight-summary";
import type { CampaignConfig } from "./schemas";

export interface FrequencyCapPreflight {
  /** Rows at least one rule holds back now. */
  heldBack: number;
  /** Per rule, in the order given: the rows it alone would hold back. */
  rules: { rule: FrequencyCapRule; heldBack: number }[];
}

export async function frequencyCapHeldBack(db: Db, campaignId: string, rules: readonly FrequencyCapRule[]): Promise<FrequencyCapPreflight> {
  if (rules.length === 0) return { heldBack: 0, rules: [] };
  // Per number: does this rule's window hold `count` contacts already? Only contacts the console made count.
  const over = rules.map((r) => sql`count(*) filter (where k.created_at > now() - ${r.windowHours}::int * interval '1 hour') >= ${r.count}::int`);
  const result = (await db.execute(sql`
    with per_number as (
      select ${sql.join(
        over.map((o, i) => sql`${o} as ${sql.raw(`r${i}`)}`),
        sql`, `,
      )}
      from ${campaignRecipients} r
      join ${contacts} k on k.customer_phone = r.phone
        and k.created_at > now() - ${longestWindowHours(rules)}::int * interval '1 hour'
        and k.origin in ('campaign', 'test_send')
      where r.campaign_id = ${campaignId} and r.send_status = 'pending'
      group by r.id
    )
    select count(*) filter (where ${sql.join(
      rules.map((_, i) => sql.raw(`r${i}`)),
      sql` or `,
    )})::int as held,
      ${sql.join(
        rules.map((_, i) => sql`count(*) filter (where ${sql.raw(`r${i}`)})::int as ${sql.raw(`h${i}`)}`),
        sql`, `,
      )}
    from per_number`)) as unknown as { rows: Record<string, number>[] };
  const row = result.rows[0] ?? {};
  return { heldBack: Number(row.held ?? 0), rules: rules.map((rule, i) => ({ rule, heldBack: Number(row[`h${i}`] ?? 0) })) };
}

/** "312 recipients were contacted too recently: at most 1 per day (Settings → Frequency caps); they will be skipped" */
export function frequencyCapWarnings(found: FrequencyCapPreflight, exempt: boolean): string[] {
  if (exempt) return ["Exempt from frequency caps: every recipient is sent whatever they received lately"];
  return found.rules
    .filter((r) => r.heldBack > 0)
    .map(
      ({ rule, heldBack }) =>
        `${heldBack.toLocaleString("en-US")} ${heldBack === 1 ? "recipient was" : "recipients were"} contacted too recently: ${ruleWords(rule)} (Settings → Frequency caps); ${heldBack === 1 ? "it" : "they"} will ${rule.whenCapped === "wait" ? "wait until the cap allows" : "be skipped"}`,
    );
}

/**
 * The caps' part of a check of a saved draft, counted over its stored rows when they are the rows being checked (the
 * same fingerprint); undefined for a list not stored yet, whose rows the ledger does not hold.
 */
export async function frequencyCapCheck(
  db: Db,
  c: CampaignConfig,
  campaignId: string,
  fingerprint: string,
): Promise<{ summary: FrequencyCapSummary; warnings: string[] } | undefined> {
  const exempt = c.frequencyCap === "exempt";
  const rules = rulesForCampaign(await readFrequencyCaps(db), c);
  if (!exempt && rules.length === 0) return undefined;
  const [stored] = await db.select({ fingerprint: campaigns.recipientsFingerprint }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (stored?.fingerprint !== fingerprint) return undefined;
  const found = await frequencyCapHeldBack(db, campaignId, rules);
  return {
    summary: { exempt, heldBack: found.heldBack, rules: found.rules.map(({ rule, heldBack }) => ({ ...rule, heldBack })) },
    warnings: frequencyCapWarnings(found, exempt),
  };
}
