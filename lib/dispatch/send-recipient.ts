// One StartOutboundChatContact for one claimed ledger row, built by the same request builder as preflight and test
// sends, once the recipient's send window is open and the frequency caps allow it. Connect's failures come back
// classified; a database failure in these checks throws, and the row, still claimed, is tried again after its lease.
import { sql } from "drizzle-orm";
import { ledgerRowRequest } from "@/lib/campaigns/request";
import { isOpen, nextOpening, waitingWords } from "@/lib/settings/send-window-math";
import { windowForCampaign, type SendWindowSetting } from "@/lib/settings/send-window-schema";
import { recipientZones } from "@/lib/campaigns/send-window-zones";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import { classifyConnectError } from "@/lib/connect/classify-error";
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { ConnectErrorInfo } from "@/lib/connect/types";
import { campaignRecipients, campaigns, contacts, type CampaignRecipient } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { recordSkipped, recordWait } from "@/lib/ledger/record-outcome";
import { readFrequencyCaps } from "@/lib/settings/frequency-caps";
import { readSendWindowSetting } from "@/lib/settings/send-window";
import { capVerdict, FREQUENCY_CAP_REASON, longestWindowHours, ruleWords, rulesForCampaign, type FrequencyCaps } from "@/lib/settings/frequency-caps-schema";

export type SendResult = { ok: true; contactId: string; requestId?: string } | { ok: false; error: ConnectErrorInfo };
/**
 * The send window or the caps held the row back: it is already recorded (skipped, or pending until the window opens or
 * the cap allows it, the attempt not counted), nothing was sent.
 */
export interface CappedResult {
  capped: "skip" | "wait";
}

type Row = Pick<CampaignRecipient, "phone" | "name" | "attributes" | "variables">;
type ClaimedRow = Row & Pick<CampaignRecipient, "id" | "attempts" | "timeZone">;

/** What the caps need from the dispatcher: where to count and record, and whose claim the row is. */
export interface CapCheck {
  db: Db;
  workerId: string;
}

// Two-key advisory locks live apart from the single-key ones the migrations, setup and audit chain take.
const FREQUENCY_CAP_LOCK_CLASS = 720_144_205;
// The setting is read at most this often per process: a change applies within a second, at no query per send.
const SETTING_TTL_MS = 1_000;

/** A setting reader that asks the database at most once per SETTING_TTL_MS per database. */
function cachedSetting<T>(read: (db: Db) => Promise<T>): (db: Db) => Promise<T> {
  const cache = new WeakMap<Db, { at: number; value: T }>();
  return async (db) => {
    const hit = cache.get(db);
    if (hit && Date.now() - hit.at < SETTING_TTL_MS) return hit.value;
    const value = await read(db);
    cache.set(db, { at: Date.now(), value });
    return value;
  };
}

const windowSetting = cachedSetting<SendWindowSetting>(readSendWindowSetting);
const capsSetting = cachedSetting<FrequencyCaps>(readFrequencyCaps);
/** Why a row whose window never opens (every day closed, or its zones' hours never overlap) is not sent. */
export const SEND_WINDOW_NEVER_OPENS_REASON = "send window never opens";

/**
 * A row outside its send window in the recipient's time zone (its own from the list, else every zone the number maps
 * to) goes back to pending until the window opens, its attempt not counted, the reason naming when and where it
 * opens. Claimed rows that wait are no longer due, so a campaign whose rows all wait claims nothing until the earliest
 * opening.
 */
export async function sendWindowHold(check: CapCheck, config: CampaignConfig, row: ClaimedRow): Promise<CappedResult | null> {
  const window = windowForCampaign(await windowSetting(check.db), config.sendWindow);
  if (!window || !row.phone) return null;
  const zones = recipientZones(row.phone, row.timeZone);
  const now = new Date();
  if (isOpen(window, zones, now)) return null;
  const opening = nextOpening(window, zones, now);
  if (!opening) {
    await recordSkipped(check.db, [row], check.workerId, SEND_WINDOW_NEVER_OPENS_REASON);
    return { capped: "skip" };
  }
  await recordWait(check.db, row, check.workerId, {
    kind: "send_window",
    reason: waitingWords(window, zones, opening, now),
    delayMs: Math.max(1_000, opening.getTime() - now.getTime()),
  });
  return { capped: "wait" };
}

/**
 * Counts the number's contacts and in-flight sends and, when a cap is reached, records the row skipped or waiting, all
 * under a transaction-scoped advisory lock on the number. Race-safe across campaigns and processes: a row that passes
 * is still `sending` when the lock is released, and stays so until the same statement that marks it sent records its
 * contact (lib/ledger/record-outcome.ts), so whoever takes the lock next counts it either as a send in flight or as
 * a contact. A row this check caps leaves `sending` before the lock is released, so it holds no one else back.
 * Counted: contacts the console created (campaign and test sends), not chats the customer started (chat events,
 * inbound messages). In flight: rows of other campaigns being sent to the number; one whose dispatcher died counts
 * too, as its contact may exist.
 */
export async function frequencyCapHold(check: CapCheck, campaignId: string, config: CampaignConfig, row: ClaimedRow): Promise<CappedResult | null> {
  const rules = rulesForCampaign(await capsSetting(check.db), config);
  if (rules.length === 0 || !row.phone) return null;
  const phone = row.phone;
  const hours = longestWindowHours(rules);
  return check.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FREQUENCY_CAP_LOCK_CLASS}::int4, hashtext(${phone}))`);
    const result = (await tx.execute(sql`
      select (extract(epoch from now()) * 1000)::float8 as now_ms,
        (select coalesce(json_agg((extract(epoch from k.created_at) * 1000)::float8), '[]'::json)
           from ${contacts} k
          where k.customer_phone = ${phone} and k.created_at > now() - ${hours}::int * interval '1 hour'
            and k.origin in ('campaign', 'test_send')) as times,
        (select count(*)::int
           from ${campaigns} c join ${campaignRecipients} r on r.campaign_id = c.id and r.send_status = 'sending'
          where c.status in ('running', 'paused', 'cancelled') and r.phone = ${phone} and r.id <> ${row.id} and c.id <> ${campaignId}) as in_flight`)) as unknown as {
      rows: { now_ms: number; times: number[] | string; in_flight: number }[];
    };
    const found = result.rows[0]!;
    const times = (typeof found.times === "string" ? JSON.parse(found.times) : found.times) as number[];
    const verdict = capVerdict(rules, times, Number(found.in_flight), Number(found.now_ms));
    if (!verdict.capped) return null;
    if (verdict.action === "skip") {
      await recordSkipped(tx, [row], check.workerId, FREQUENCY_CAP_REASON);
      return { capped: "skip" as const };
    }
    const delayMs = Math.max(1_000, verdict.untilMs - Number(found.now_ms));
    const reason = `Waiting for the frequency cap (${ruleWords(verdict.rule)}): sent from ${new Date(verdict.untilMs).toISOString()}`;
    await recordWait(tx, row, check.workerId, { kind: "frequency_cap", reason, delayMs });
    return { capped: "wait" as const };
  });
}

/**
 * The send window and the frequency caps for a claimed row: null when it may be sent now, else what was recorded
 * (skipped, or waiting). The dispatcher asks this before the number's pacing delay, so the database reads it may take
 * never bunch paced sends together.
 */
export async function holdBeforeSend(check: CapCheck, campaignId: string, config: CampaignConfig, row: ClaimedRow): Promise<CappedResult | null> {
  if (!row.phone) return null;
  return (await sendWindowHold(check, config, row)) ?? (await frequencyCapHold(check, campaignId, config, row));
}

export async function sendToRecipient(gateway: ConnectGateway, campaignId: string, config: CampaignConfig, row: Row): Promise<SendResult>;
export async function sendToRecipient(
  gateway: ConnectGateway,
  campaignId: string,
  config: CampaignConfig,
  row: ClaimedRow,
  caps: CapCheck,
): Promise<SendResult | CappedResult>;
export async function sendToRecipient(
  gateway: ConnectGateway,
  campaignId: string,
  config: CampaignConfig,
  row: Row | ClaimedRow,
  caps?: CapCheck,
): Promise<SendResult | CappedResult> {
  // Only valid rows enter the ledger, and they all have a number; a row without one is this row's problem alone.
  if (!row.phone)
    return { ok: false, error: { kind: "permanent-for-this-recipient", name: "MissingPhoneNumber", message: "The ledger row has no E.164 number" } };
  if (caps && "id" in row) {
    const held = await holdBeforeSend(caps, campaignId, config, row);
    if (held) return held;
  }
  try {
    const input = ledgerRowRequest(campaignId, config, { ...row, phone: row.phone });
    const { contactId, requestId } = await gateway.startOutboundChat(input);
    return { ok: true, contactId, requestId };
  } catch (err) {
    return { ok: false, error: classifyConnectError(err) };
  }
}
