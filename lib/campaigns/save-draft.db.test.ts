// Saving drafts of uploaded lists at size: every row written in bulk and counted as the summary says, a save that
// changes no row writes none, and a save that stopped part-way blocks launch until the next save rebuilds the rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { and, count, eq, max, min, sql } from "drizzle-orm";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { auditLog, campaignRecipients, campaignSources, campaigns, recipientUploads, suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { launchCampaign, saveDraft } from "./actions";
import { LEDGER_BUSY_MESSAGE, LEDGER_INCOMPLETE_MESSAGE } from "./campaign-guard";
import { loadDraftForEdit } from "./drafts";
import type { PreflightSummary } from "./preflight-summary";
import { UPLOAD_GONE_MESSAGE } from "./recipient-source";
import type { CampaignInput } from "./schemas";

const ROWS = 100_000;
const meta = { requestId: "r", ip: null, userAgent: null };

/** Mostly valid US numbers, with every 50th row invalid, every 97th a repeat of an earlier number, and suppressed ones. */
function bigCsv(): string {
  const lines = ["phone,name,city"];
  for (let i = 0; i < ROWS; i++) {
    const n = i % 97 === 96 ? i - 1 : i;
    const phone = i % 50 === 49 ? "12" : `+1206${String(2_000_000 + n).padStart(7, "0")}`;
    lines.push(`${phone},"Name ${i}",City ${i % 7}`);
  }
  return lines.join("\n") + "\n";
}

describe("saving drafts of large uploaded lists", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let supervisor: SessionUser;
  let base: CampaignInput;
  let campaignId: string;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const u = await insertUser(h.db, { email: "sup@example.com", name: "Sup", role: "supervisor", passwordHash: null });
    supervisor = { id: u.id, email: u.email, name: u.name, role: "supervisor", sessionId: "s", mustChangePassword: false };
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!;
    const flow = (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!;
    const text = bigCsv();
    const [upload] = await h.db
      .insert(recipientUploads)
      .values({
        createdBy: u.id,
        format: "csv",
        fileName: "big.csv",
        byteSize: Buffer.byteLength(text),
        rowCount: ROWS,
        header: ["phone", "name", "city"],
        sha256: createHash("sha256").update(text).digest("hex"),
        content: text,
      })
      .returning();
    await h.db.insert(suppressions).values([
      { phone: "+12062000010", reason: "asked", source: "manual", createdBy: "sup@example.com" },
      { phone: "+12062000020", reason: "asked", source: "manual", createdBy: "sup@example.com" },
    ]);
    base = {
      name: "Big list",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: number.arn,
      contactFlowId: flow.id,
      // The form still says paste: the upload knows it is a CSV.
      recipients: { format: "paste", uploadId: upload!.id, mapping: { phoneColumn: "phone", nameColumn: "name", variableColumns: { city: "city" } } },
      message: { kind: "text", contentType: "text/plain", text: "Hi {{name}} in {{city}}" },
      sendsPerSecond: 5,
    };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });

  const call = async <T>(action: Parameters<typeof runAction>[0], input: unknown) =>
    (await runAction(action, input, { user: supervisor, db: h.db, meta })) as ActionResult<T>;
  const save = (campaign: CampaignInput, id?: string) => call<{ campaignId: string; preflight: PreflightSummary }>(saveDraft, { campaignId: id, campaign });
  const countsOf = async (id: string) => {
    const rows = await h.db
      .select({ status: campaignRecipients.preflightStatus, n: count() })
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, id))
      .groupBy(campaignRecipients.preflightStatus);
    return { valid: 0, invalid: 0, duplicate: 0, suppressed: 0, ...Object.fromEntries(rows.map((r) => [r.status, r.n])) };
  };
  const idRange = async (id: string) =>
    (
      await h.db
        .select({ lo: min(campaignRecipients.id), hi: max(campaignRecipients.id), n: count() })
        .from(campaignRecipients)
        .where(eq(campaignRecipients.campaignId, id))
    )[0]!;
  const campaignRow = async (id: string) => (await h.db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!;

  it("writes every row of a 100,000-row upload, counted per status exactly as the stored summary says", async () => {
    const res = await save(base);
    if (!res.ok) throw new Error(res.error.message);
    campaignId = res.data.campaignId;
    const summary = res.data.preflight;
    expect(summary.total).toBe(ROWS);
    expect(summary.counts.invalid).toBe(2000);
    expect(summary.counts.suppressed).toBe(2);
    expect(summary.counts.duplicate).toBeGreaterThan(900);
    expect(await countsOf(campaignId)).toEqual(summary.counts);
    const row = await campaignRow(campaignId);
    expect(row).toMatchObject({ ledgerState: "ready", preflight: summary, recipientsFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [source] = await h.db.select().from(campaignSources).where(eq(campaignSources.campaignId, campaignId));
    expect(source).toMatchObject({ format: "csv", text: null, uploadId: base.recipients.uploadId, fileName: "big.csv" });
    const [first] = await h.db
      .select()
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.line, 2)));
    expect(first).toMatchObject({ phone: "+12062000000", name: "Name 0", sendStatus: "pending", variables: { __message: "Hi Name 0 in City 0" } });
    expect((await loadDraftForEdit(h.db, campaignId))?.input.recipients).toMatchObject({ uploadId: base.recipients.uploadId });
    expect((await loadDraftForEdit(h.db, campaignId))?.input.recipients.text).toBeUndefined();
    // Saved without a check first, the upload was read once: created while counting, then the counts it found.
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.targetId, campaignId)).orderBy(auditLog.id);
    expect(audits.map((a) => [a.action, a.diff])).toEqual([
      ["campaign.created", expect.objectContaining({ recipients: { total: ROWS, counting: true } })],
      ["campaign.recipients_counted", { recipients: summary.counts, total: ROWS }],
    ]);
  }, 300_000);

  it("rewrites nothing when only the name, pacing or schedule changed, and still asks Connect again", async () => {
    const before = await idRange(campaignId);
    const res = await save({ ...base, name: "Big list, renamed", sendsPerSecond: 2, contactFlowId: "no-such-flow" }, campaignId);
    if (!res.ok) throw new Error(res.error.message);
    expect(await idRange(campaignId)).toEqual(before);
    expect(res.data.preflight.counts).toEqual(await countsOf(campaignId));
    expect(res.data.preflight.blocking.join(" ")).toMatch(/contact flow does not exist/);
    // Far more recipients than the instance's chat quota, each chat open for its 60 minutes: waves of a quota's worth
    // per hour, the last wave at the number's 1 per second.
    const { valid } = res.data.preflight.counts;
    const quota = res.data.preflight.concurrentChatQuota;
    const waves = Math.ceil(valid / quota);
    expect(res.data.preflight.plan).toMatchObject({ binding: "chat-capacity" });
    expect(res.data.preflight.estimatedSeconds).toBe((waves - 1) * 3600 + (valid - (waves - 1) * quota));
    expect(res.data.preflight.sampleRequest).toMatchObject({ destinationPhoneNumber: "+12062000000", initialSystemMessage: "Hi Name 0 in City 0" });
    expect(await campaignRow(campaignId)).toMatchObject({ name: "Big list, renamed", ledgerState: "ready" });
    const audits = await h.db.select().from(auditLog).where(eq(auditLog.targetId, campaignId)).orderBy(auditLog.id);
    expect(audits.map((a) => a.action)).toEqual(["campaign.created", "campaign.recipients_counted", "campaign.updated"]);
  }, 300_000);

  it("rewrites the rows when the mapping changes", async () => {
    const before = await idRange(campaignId);
    const mapping = { phoneColumn: "phone", variableColumns: { city: "city", name: "name" } };
    const res = await save({ ...base, recipients: { ...base.recipients, mapping } }, campaignId);
    if (!res.ok) throw new Error(res.error.message);
    const after = await idRange(campaignId);
    expect(after.n).toBe(ROWS);
    expect(after.lo!).toBeGreaterThan(before.hi!);
    expect(await countsOf(campaignId)).toEqual(res.data.preflight.counts);
    const [first] = await h.db
      .select({ name: campaignRecipients.name })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.line, 2)));
    expect(first!.name).toBeNull();
  }, 300_000);

  it("refuses launch while rows are being written or after a save stopped part-way, and the next save rebuilds them", async () => {
    const valid = (await campaignRow(campaignId)).preflight as PreflightSummary;
    const launch = () => call(launchCampaign, { campaignId, confirmRecipients: valid.counts.valid });

    await h.db.update(campaigns).set({ ledgerState: "writing:other-save", updatedAt: new Date() }).where(eq(campaigns.id, campaignId));
    expect(await launch()).toMatchObject({ ok: false, error: { code: "conflict", message: LEDGER_BUSY_MESSAGE } });
    // A second save while the first is still writing is refused, not interleaved.
    expect(await save(base, campaignId)).toMatchObject({ ok: false, error: { code: "conflict", message: LEDGER_BUSY_MESSAGE } });

    // The writing save died: its claim aged, and half its rows are missing.
    await h.db
      .update(campaigns)
      .set({ ledgerState: "writing:dead-save", updatedAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(campaigns.id, campaignId));
    await h.db.execute(sql`delete from campaign_recipients where campaign_id = ${campaignId} and line % 2 = 0`);
    expect(await launch()).toMatchObject({ ok: false, error: { code: "conflict", message: LEDGER_INCOMPLETE_MESSAGE } });

    // Same list and mapping as the stored fingerprint: still rebuilt, since the rows are not ready.
    const res = await save(
      { ...base, recipients: { ...base.recipients, mapping: { phoneColumn: "phone", variableColumns: { city: "city", name: "name" } } } },
      campaignId,
    );
    if (!res.ok) throw new Error(res.error.message);
    expect((await idRange(campaignId)).n).toBe(ROWS);
    expect(await countsOf(campaignId)).toEqual(res.data.preflight.counts);
    expect(await campaignRow(campaignId)).toMatchObject({ ledgerState: "ready" });
    expect(await launch()).toMatchObject({ ok: true, data: { status: "scheduled" } });
  }, 300_000);

  it("refuses a mapping the upload's header cannot satisfy before storing anything, without a check first", async () => {
    const before = await h.db.select({ n: count() }).from(campaigns);
    const res = await save({ ...base, name: "Wrong column", recipients: { ...base.recipients, mapping: { phoneColumn: "mobile", variableColumns: {} } } });
    expect(res).toMatchObject({ ok: false, error: { code: "invalid", fields: { phoneColumn: `The file has no column "mobile"` } } });
    expect(await h.db.select({ n: count() }).from(campaigns)).toEqual(before);
  });

  it("says when the uploaded list is gone", async () => {
    const res = await save({ ...base, recipients: { ...base.recipients, uploadId: "00000000-0000-4000-8000-0000000000ff" } });
    expect(res).toMatchObject({ ok: false, error: { code: "invalid", message: UPLOAD_GONE_MESSAGE, fields: { "recipients.text": UPLOAD_GONE_MESSAGE } } });
  });
});
