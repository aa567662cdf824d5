// A finished campaign's ledger for the History benchmark: 85 % sent, 8 % failed under one of three error names, 3 %
// skipped, 2 % pending, 2 % invalid, with the send and update times the dispatcher would have written.
import "../allow-server-modules";
import { randomUUID } from "node:crypto";
import { storedConfig } from "@/lib/campaigns/drafts";
import { campaignInputSchema } from "@/lib/campaigns/schemas";
import { campaignRecipients, campaigns } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

const BATCH = 1000;
const ERRORS = ["InvalidRequestException", "InternalServiceException", "TimeoutError"];
const SENDS_PER_SECOND = 50;
export const BENCH_INSTANCE = "bench-instance";
export const BENCH_NUMBER_ARN = "arn:aws:connect:us-east-1:000000000000:phone-number/bench";

/** A fixed seed, so every run measures the same ledger. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The composer's settings as a draft stores them, so the contact page can rebuild a send's request from its row. */
function config(name: string) {
  return storedConfig(
    campaignInputSchema.parse({
      name,
      instanceId: BENCH_INSTANCE,
      channel: "sms",
      sourcePhoneNumberArn: BENCH_NUMBER_ARN,
      contactFlowId: "bench-flow",
      recipients: { format: "csv", text: "phone,name", mapping: { phoneColumn: "phone", nameColumn: "name" } },
      message: { kind: "text", contentType: "text/plain", text: "Your appointment is tomorrow at 10:00. Reply to change it." },
      sendsPerSecond: SENDS_PER_SECOND,
    }),
  );
}

/** Sent at 50 a second from `started`; failed rows gave up half a minute after their turn; cancelled ones at the end. */
export async function seedCampaign(db: Db, name: string, count: number, started: number, rand: () => number): Promise<string> {
  const id = randomUUID();
  const finished = new Date(started + (count / SENDS_PER_SECOND) * 1000);
  await db.insert(campaigns).values({
    id,
    name,
    status: "completed",
    channel: "sms",
    instanceId: BENCH_INSTANCE,
    contactFlowId: "bench-flow",
    sourcePhoneNumberArn: BENCH_NUMBER_ARN,
    config: config(name),
    preflight: { counts: { valid: count }, blocking: [], warnings: [] },
    createdBy: randomUUID(),
    createdByEmail: "bench@example.com",
    createdAt: new Date(started - 3_600_000),
    launchedAt: new Date(started),
    finishedAt: finished,
  });
  let batch: (typeof campaignRecipients.$inferInsert)[] = [];
  for (let line = 2; line < count + 2; line++) {
    const e164 = `+1${200 + Math.floor(rand() * 700)}${String(Math.floor(rand() * 1e7)).padStart(7, "0")}`;
    const roll = rand();
    const turn = new Date(started + line * (1000 / SENDS_PER_SECOND));
    const base = { campaignId: id, line, phoneRaw: `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`, name: `Person ${line}`, attempts: 1 };
    if (roll < 0.02) batch.push({ ...base, phone: null, preflightStatus: "invalid", reason: "too short for US", attempts: 0 });
    else if (roll < 0.87)
      batch.push({ ...base, phone: e164, preflightStatus: "valid", sendStatus: "sent", contactId: randomUUID(), sentAt: turn, updatedAt: turn });
    else if (roll < 0.95) {
      const error = ERRORS[Math.floor(rand() * ERRORS.length)]!;
      const gaveUp = new Date(turn.getTime() + 30_000);
      batch.push({
        ...base,
        phone: e164,
        preflightStatus: "valid",
        sendStatus: "failed",
        attempts: 5,
        lastErrorName: error,
        lastErrorMessage: `${error} for this recipient`,
        updatedAt: gaveUp,
      });
    } else if (roll < 0.98)
      batch.push({ ...base, phone: e164, preflightStatus: "valid", sendStatus: "skipped", reason: "cancelled", attempts: 0, updatedAt: finished });
    else batch.push({ ...base, phone: e164, preflightStatus: "valid", sendStatus: "pending", attempts: 0 });
    if (batch.length === BATCH) {
      await db.insert(campaignRecipients).values(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await db.insert(campaignRecipients).values(batch);
  return id;
}
