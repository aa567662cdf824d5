// Two-person approval against a real database and the Connect simulator: a launch the setting covers needs a request
// approved by someone else for exactly the draft being launched; editing withdraws it; every step is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { setUserCanApprove } from "@/lib/accounts/actions";
import type { SessionUser } from "@/lib/auth/session";
import { launchCampaign, saveDraft } from "@/lib/campaigns/actions";
import type { CampaignInput } from "@/lib/campaigns/schemas";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { auditLog, campaignApprovals } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { updateApprovalSetting } from "@/lib/settings/approval-actions";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { approveCampaign, rejectCampaign, requestApproval } from "@/lib/campaigns/approval-actions";
import { countPendingApprovals, latestApproval, listApprovals } from "./queries";

const meta = { requestId: "r", ip: null, userAgent: null };

describe("two-person approval", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  const who = {} as Record<"author" | "approver" | "plain" | "admin", SessionUser>;
  let base: CampaignInput;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const roles = { author: "supervisor", approver: "supervisor", plain: "supervisor", admin: "admin" } as const;
    for (const [k, role] of Object.entries(roles) as [keyof typeof who, (typeof roles)[keyof typeof roles]][]) {
      const u = await insertUser(h.db, { email: `${k}@example.com`, name: k, role, passwordHash: null });
      who[k] = { id: u.id, email: u.email, name: u.name, role, sessionId: "s", mustChangePassword: false };
    }
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    base = {
      name: "Large send",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!.arn,
      contactFlowId: (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!.id,
      recipients: { format: "paste", text: "+12065550100\n+12065550101", mapping: { phoneColumn: "phone" } },
      message: { kind: "text", contentType: "text/plain", text: "Hello" },
    };
    await ok(who.admin, setUserCanApprove, { userId: who.approver.id, canApprove: true });
    // The author may approve other people's launches, never their own.
    await ok(who.admin, setUserCanApprove, { userId: who.author.id, canApprove: true });
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });
  beforeEach(async () => {
    await ok(who.admin, updateApprovalSetting, { enabled: true, aboveRecipients: 1 });
  });

  const run = async <T>(user: SessionUser, action: Parameters<typeof runAction>[0], input: unknown) =>
    (await runAction(action, input, { user, db: h.db, meta })) as ActionResult<T>;
  async function ok<T>(user: SessionUser, action: Parameters<typeof runAction>[0], input: unknown): Promise<T> {
    const res = await run<T>(user, action, input);
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  }
  const draft = async (by: SessionUser = who.author, campaign: CampaignInput = base) =>
    (await ok<{ campaignId: string }>(by, saveDraft, { campaign })).campaignId;
  const launch = (by: SessionUser, campaignId: string) => run(by, launchCampaign, { campaignId, confirmRecipients: 2 });
  const actionsOf = async (id: string) =>
    (await h.db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(asc(auditLog.id))).filter(
      (a) => a.action.includes("approv") || a.action === "campaign.rejected" || a.action === "campaign.launched",
    );

  it("leaves launches alone while the setting is off, and then has nothing to approve", async () => {
    await ok(who.admin, updateApprovalSetting, { enabled: false, aboveRecipients: 1 });
    const id = await draft();
    expect(await run(who.author, requestApproval, { campaignId: id })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "This launch does not need approval: launch it" },
    });
    expect(await launch(who.author, id)).toMatchObject({ ok: true });
  });

  it("refuses a launch without approval, lets a different approver approve, and then launches", async () => {
    const id = await draft();
    expect(await launch(who.author, id)).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/needs approval/) } });

    const asked = await ok<{ status: string; recipients: number; reasons: string[] }>(who.author, requestApproval, { campaignId: id });
    expect(asked).toMatchObject({ status: "pending", recipients: 2, reasons: ["2 recipients: launches above 1 need a second person's approval"] });
    expect(await run(who.author, requestApproval, { campaignId: id })).toMatchObject({
      ok: false,
      error: { message: "This draft is already waiting for approval" },
    });
    expect(await launch(who.author, id)).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/still waiting/) } });
    expect(await countPendingApprovals(h.db)).toBe(1);
    expect((await listApprovals(h.db, "pending")).map((a) => [a.campaignName, a.requestedByEmail, a.channel, a.recipients])).toEqual([
      ["Large send", "author@example.com", "sms", 2],
    ]);

    // The author holds the approver permission, and is still refused on their own campaign.
    expect(await run(who.author, approveCampaign, { campaignId: id })).toMatchObject({
      ok: false,
      error: { code: "forbidden", message: "You cannot approve or reject your own campaign: another approver must decide" },
    });
    expect(await run(who.plain, approveCampaign, { campaignId: id })).toMatchObject({
      ok: false,
      error: { code: "forbidden", message: expect.stringMatching(/approver permission/) },
    });
    const approved = await ok<{ status: string; decidedByEmail: string; comment: string | null }>(who.approver, approveCampaign, {
      campaignId: id,
      comment: "List checked",
    });
    expect(approved).toMatchObject({ status: "approved", decidedByEmail: "approver@example.com", comment: "List checked" });
    expect(await countPendingApprovals(h.db)).toBe(0);

    expect(await launch(who.author, id)).toMatchObject({ ok: true, data: { status: "scheduled" } });
    const audit = await actionsOf(id);
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["campaign.approval_requested", "author@example.com"],
      ["campaign.approved", "approver@example.com"],
      ["campaign.launched", "author@example.com"],
    ]);
    expect(audit[1]!.diff).toMatchObject({ comment: "List checked", requestedBy: "author@example.com" });
    expect(audit[2]!.diff).toMatchObject({ approvedBy: "approver@example.com" });
  });

  it("lets an admin author ask but not approve their own launch", async () => {
    const id = await draft(who.admin);
    await ok(who.admin, requestApproval, { campaignId: id });
    expect(await run(who.admin, approveCampaign, { campaignId: id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await run(who.approver, approveCampaign, { campaignId: id })).toMatchObject({ ok: true });
  });

  it("withdraws a pending or approved request when the draft is edited, so the edit cannot launch on it", async () => {
    const id = await draft();
    await ok(who.author, requestApproval, { campaignId: id });
    await ok(who.author, saveDraft, { campaignId: id, campaign: { ...base, message: { ...base.message, text: "Hello again" } } });
    expect(await latestApproval(h.db, id)).toMatchObject({ status: "withdrawn" });
    expect(await run(who.approver, approveCampaign, { campaignId: id })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "No approval request is waiting for this campaign" },
    });

    await ok(who.author, requestApproval, { campaignId: id });
    await ok(who.approver, approveCampaign, { campaignId: id });
    // Saving the very same draft again changes nothing the approval covers.
    await ok(who.author, saveDraft, { campaignId: id, campaign: { ...base, message: { ...base.message, text: "Hello again" } } });
    expect(await latestApproval(h.db, id)).toMatchObject({ status: "approved" });
    // Another recipient list is another draft.
    await ok(who.author, saveDraft, {
      campaignId: id,
      campaign: { ...base, message: { ...base.message, text: "Hello again" }, recipients: { ...base.recipients, text: "+12065550100\n+12065550102" } },
    });
    expect(await latestApproval(h.db, id)).toMatchObject({ status: "withdrawn" });
    expect(await launch(who.author, id)).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/submit it for approval first/) },
    });

    const audit = await actionsOf(id);
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["campaign.approval_requested", "author@example.com"],
      ["campaign.approval_withdrawn", "author@example.com"],
      ["campaign.approval_requested", "author@example.com"],
      ["campaign.approved", "approver@example.com"],
      ["campaign.approval_withdrawn", "author@example.com"],
    ]);
    expect(audit[1]!.diff).toMatchObject({ status: { from: "pending", to: "withdrawn" }, reason: "The draft was edited" });
    expect(audit[4]!.diff).toMatchObject({ status: { from: "approved", to: "withdrawn" } });
  });

  it("needs a comment to reject, records it, and lets the author submit again", async () => {
    const id = await draft();
    await ok(who.author, requestApproval, { campaignId: id });
    expect(await run(who.approver, rejectCampaign, { campaignId: id, comment: "  " })).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { comment: "Say why you reject this launch" } },
    });
    expect(await run(who.approver, rejectCampaign, { campaignId: id })).toMatchObject({ ok: false, error: { code: "invalid" } });
    expect(await run(who.plain, rejectCampaign, { campaignId: id, comment: "No" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    await ok(who.approver, rejectCampaign, { campaignId: id, comment: "Wrong audience" });
    expect(await latestApproval(h.db, id)).toMatchObject({ status: "rejected", comment: "Wrong audience", decidedByEmail: "approver@example.com" });
    expect(await launch(who.author, id)).toMatchObject({ ok: false, error: { code: "conflict" } });
    const audit = await actionsOf(id);
    expect(audit.at(-1)).toMatchObject({ action: "campaign.rejected", actorEmail: "approver@example.com", diff: { comment: "Wrong audience" } });

    expect(await run(who.author, requestApproval, { campaignId: id })).toMatchObject({ ok: true, data: { status: "pending" } });
    expect(await h.db.select().from(campaignApprovals).where(eq(campaignApprovals.campaignId, id))).toHaveLength(2);
  });

  it("audits granting and taking back the approver permission", async () => {
    await ok(who.admin, setUserCanApprove, { userId: who.plain.id, canApprove: true });
    await ok(who.admin, setUserCanApprove, { userId: who.plain.id, canApprove: false });
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.targetId, who.plain.id)).orderBy(asc(auditLog.id));
    expect(rows.map((r) => [r.action, r.diff])).toEqual([
      ["user.approver_granted", { canApprove: { from: false, to: true } }],
      ["user.approver_revoked", { canApprove: { from: true, to: false } }],
    ]);
    expect(await run(who.approver, setUserCanApprove, { userId: who.plain.id, canApprove: true })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});
