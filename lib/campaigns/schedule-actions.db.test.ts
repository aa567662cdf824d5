// Rescheduling a scheduled campaign, or sending it back to draft, before it starts; never once it has started, and
// never in a way that loses a race with the dispatcher starting it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray } from "drizzle-orm";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { auditLog, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { startDueCampaigns } from "@/lib/dispatch/campaign-transitions";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { launchCampaign, saveDraft } from "./actions";
import { transitionCampaign } from "./queries";
import { rescheduleCampaign, unscheduleCampaign } from "./schedule-actions";
import type { CampaignInput } from "./schemas";

const meta = { requestId: "r", ip: null, userAgent: null };
const HOUR = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * HOUR).toISOString();

describe("rescheduling and unscheduling", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let sup: SessionUser;
  let base: CampaignInput;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const u = await insertUser(h.db, { email: "sup@example.com", name: "Sup", role: "supervisor", passwordHash: null });
    sup = { id: u.id, email: u.email, name: u.name, role: "supervisor", sessionId: "s", mustChangePassword: false };
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    base = {
      name: "Scheduled",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!.arn,
      contactFlowId: (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!.id,
      recipients: { format: "paste", text: "+12065550100\n+12065550101", mapping: { phoneColumn: "phone" } },
      message: { kind: "text", contentType: "text/plain", text: "Hello" },
    };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });

  const run = async <T>(action: Parameters<typeof runAction>[0], input: unknown) =>
    (await runAction(action, input, { user: sup, db: h.db, meta })) as ActionResult<T>;
  const ok = async <T>(action: Parameters<typeof runAction>[0], input: unknown) => {
    const res = await run<T>(action, input);
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  };
  const row = async (id: string) => (await h.db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!;
  const actionsOf = async (id: string) =>
    (await h.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, id)).orderBy(asc(auditLog.id))).map((a) => a.action);
  /** A launched campaign that starts at `at` (null: at once). */
  const scheduled = async (at: string | null) => {
    const schedule = at ? { mode: "at" as const, at, timeZone: "America/Chicago" } : { mode: "now" as const };
    const { campaignId } = await ok<{ campaignId: string }>(saveDraft, { campaign: { ...base, schedule } });
    await ok(launchCampaign, { campaignId, confirmRecipients: 2 });
    return campaignId;
  };

  it("moves a scheduled campaign's start, audited with before and after, and keeps it in the draft's settings", async () => {
    const id = await scheduled(inHours(1));
    const before = (await row(id)).scheduledAt!;
    const to = inHours(3);
    const res = await ok<{ status: string; scheduledAt: Date }>(rescheduleCampaign, { campaignId: id, scheduledAt: to, timeZone: "Europe/Paris" });
    expect(res.status).toBe("scheduled");
    const after = await row(id);
    expect(after.scheduledAt!.getTime()).toBe(Date.parse(to));
    expect((after.config as { schedule: unknown }).schedule).toEqual({ mode: "at", at: to, timeZone: "Europe/Paris" });
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, id), eq(auditLog.action, "campaign.rescheduled")));
    expect(entry).toMatchObject({
      actorEmail: "sup@example.com",
      diff: { scheduledAt: { from: before.toISOString(), to: new Date(to).toISOString() }, timeZone: "Europe/Paris" },
    });
    // The dispatcher leaves it waiting for its new time.
    expect(await startDueCampaigns(h.db, "w")).not.toContain(id);
  });

  it("refuses a start in the past or that is not a time, changing nothing", async () => {
    const id = await scheduled(inHours(1));
    const past = await run(rescheduleCampaign, { campaignId: id, scheduledAt: inHours(-1) });
    expect(past).toMatchObject({ ok: false, error: { code: "invalid", fields: { scheduledAt: "Choose a time in the future" } } });
    const junk = await run(rescheduleCampaign, { campaignId: id, scheduledAt: "tomorrow" });
    expect(junk).toMatchObject({ ok: false, error: { code: "invalid", fields: { scheduledAt: "Choose a date and time" } } });
    expect(await actionsOf(id)).not.toContain("campaign.rescheduled");
  });

  it("sends a scheduled campaign back to draft, audited, and it can be launched again", async () => {
    const at = inHours(2);
    const id = await scheduled(at);
    expect(await ok(unscheduleCampaign, { campaignId: id })).toMatchObject({ status: "draft" });
    const back = await row(id);
    expect(back).toMatchObject({ status: "draft", launchedAt: null, launchedBy: null });
    expect(back.scheduledAt!.getTime()).toBe(Date.parse(at));
    expect((await actionsOf(id)).slice(-2)).toEqual(["campaign.launched", "campaign.unscheduled"]);
    // Nothing starts a draft.
    expect(await startDueCampaigns(h.db, "w")).not.toContain(id);
    await ok(launchCampaign, { campaignId: id, confirmRecipients: 2 });
    expect((await row(id)).status).toBe("scheduled");
  });

  it("refuses both once the campaign started, with a clear conflict", async () => {
    const id = await scheduled(inHours(1));
    await transitionCampaign(h.db, id, "scheduled", "running");
    const re = await run(rescheduleCampaign, { campaignId: id, scheduledAt: inHours(2) });
    expect(re).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "This campaign has already started (running): it can no longer be rescheduled" },
    });
    await transitionCampaign(h.db, id, "running", "paused");
    const un = await run(unscheduleCampaign, { campaignId: id });
    expect(un).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/already started \(paused\)/) } });
    const { campaignId: draft } = await ok<{ campaignId: string }>(saveDraft, { campaign: base });
    expect(await run(unscheduleCampaign, { campaignId: draft })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/draft/) },
    });
    expect(await run(unscheduleCampaign, { campaignId: "00000000-0000-4000-8000-000000000009" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("never moves a campaign whose time has come: the dispatcher starts it", async () => {
    const id = await scheduled(null);
    const re = await run(rescheduleCampaign, { campaignId: id, scheduledAt: inHours(1) });
    expect(re).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/starting now/) } });
    expect(await startDueCampaigns(h.db, "w")).toContain(id);
    expect((await row(id)).scheduledAt!.getTime()).toBeLessThan(Date.now());
  });

  it("racing the dispatcher's start, exactly one of back-to-draft and start wins, and the log says which", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await scheduled(null));
    const [started, results] = await Promise.all([startDueCampaigns(h.db, "race"), Promise.all(ids.map((id) => run(unscheduleCampaign, { campaignId: id })))]);
    const rows = await h.db.select().from(campaigns).where(inArray(campaigns.id, ids));
    for (const [i, id] of ids.entries()) {
      const status = rows.find((r) => r.id === id)!.status;
      const log = await actionsOf(id);
      if (results[i]!.ok) {
        expect(status).toBe("draft");
        expect(started).not.toContain(id);
        expect(log).toContain("campaign.unscheduled");
        expect(log).not.toContain("campaign.started");
      } else {
        expect(results[i]).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/already started \(running\)/) } });
        expect(status).toBe("running");
        expect(log).not.toContain("campaign.unscheduled");
      }
    }
  });
});
