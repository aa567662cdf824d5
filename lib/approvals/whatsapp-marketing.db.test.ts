// "Every WhatsApp marketing send needs approval" against a real database and the Connect simulator: Meta's category of
// the template, read from End User Messaging Social for the campaign's number, decides; a category that cannot be read
// counts as marketing, and the reason says why.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import { setUserCanApprove } from "@/lib/accounts/actions";
import type { SessionUser } from "@/lib/auth/session";
import { launchCampaign, saveDraft } from "@/lib/campaigns/actions";
import { approveCampaign, requestApproval } from "@/lib/campaigns/approval-actions";
import type { CampaignInput } from "@/lib/campaigns/schemas";
import { createConnectGateway, type ConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { auditLog, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { readApprovalSetting } from "@/lib/settings/approval";
import { updateApprovalSetting } from "@/lib/settings/approval-actions";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { launchNeedsApproval } from "./gate";
import { launchFacts, readTemplateCategory } from "./launch-facts";

const meta = { requestId: "r", ip: null, userAgent: null };
const MARKETING_REASON = 'WhatsApp marketing template "spring_sale": every marketing send needs a second person\'s approval';

describe("WhatsApp marketing approval", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let gateway: ConnectGateway;
  const who = {} as Record<"author" | "approver" | "admin", SessionUser>;
  let marketingSale: CampaignInput;
  let supportOrder: CampaignInput;
  let marketingOrder: CampaignInput;

  const fresh = () => createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
  const simConfig = async (patch: object) => {
    const res = await fetch(`${sim.url}/_local/config`, { method: "PUT", body: JSON.stringify(patch), headers: { "content-type": "application/json" } });
    if (res.status !== 200) throw new Error(await res.text());
  };
  const simRequests = async (operation: string) =>
    ((await (await fetch(`${sim.url}/_local/state`)).json()) as { counters: { requests: Record<string, number> } }).counters.requests[operation] ?? 0;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    gateway = fresh();
    useGatewayForProcess(gateway);
    const roles = { author: "supervisor", approver: "supervisor", admin: "admin" } as const;
    for (const [k, role] of Object.entries(roles) as [keyof typeof who, (typeof roles)[keyof typeof roles]][]) {
      const u = await insertUser(h.db, { email: `${k}@example.com`, name: k, role, passwordHash: null });
      who[k] = { id: u.id, email: u.email, name: u.name, role, sessionId: "s", mustChangePassword: false };
    }
    await ok(who.admin, setUserCanApprove, { userId: who.approver.id, canApprove: true });

    const kb = (await gateway.listKnowledgeBases()).find((k) => k.name === "Messaging templates")!;
    const templates = await gateway.listMessageTemplates(kb.id);
    const template = (name: string, variables: string[]): CampaignInput["message"] => ({
      kind: "template",
      knowledgeBaseId: kb.id,
      messageTemplateId: templates.find((t) => t.name === name)!.id,
      templateName: name,
      variables: Object.fromEntries(variables.map((v) => [v, { value: `${v} value` }])),
    });
    const sender = async (alias: string, phone: string, flowName: string) => {
      const instance = (await gateway.listInstances()).find((i) => i.alias === alias)!;
      return {
        instanceId: instance.id,
        sourcePhoneNumberArn: (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === phone)!.arn,
        contactFlowId: (await gateway.listContactFlows(instance.id)).find((f) => f.name === flowName)!.id,
      };
    };
    const common = {
      channel: "whatsapp" as const,
      recipients: { format: "paste" as const, text: "+12065550100\n+12065550101", mapping: { phoneColumn: "phone" } },
    };
    const fromMarketing = await sender("acme-marketing", "+493090182000", "Send and disconnect");
    const fromSupport = await sender("acme-support", "+4915123456789", "Outbound WhatsApp notifications");
    marketingSale = { ...common, ...fromMarketing, name: "Spring sale", message: template("spring_sale", ["customerName", "discount", "endDate"]) };
    supportOrder = { ...common, ...fromSupport, name: "Shipping notice", message: template("order_shipped", ["customerName", "orderId", "trackingUrl"]) };
    // order_shipped is a template of the support account only; the marketing number's account has no such template.
    marketingOrder = { ...marketingSale, name: "Shipping from marketing", message: supportOrder.message };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });
  beforeEach(async () => {
    useGatewayForProcess(gateway);
    await simConfig({ deniedActions: [] });
    await ok(who.admin, updateApprovalSetting, { enabled: false, aboveRecipients: 1000, whatsAppMarketing: true });
  });

  const run = async <T>(user: SessionUser, action: Parameters<typeof runAction>[0], input: unknown) =>
    (await runAction(action, input, { user, db: h.db, meta })) as ActionResult<T>;
  async function ok<T>(user: SessionUser, action: Parameters<typeof runAction>[0], input: unknown): Promise<T> {
    const res = await run<T>(user, action, input);
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  }
  const draft = async (campaign: CampaignInput) => (await ok<{ campaignId: string }>(who.author, saveDraft, { campaign })).campaignId;
  const launch = (campaignId: string) => run(who.author, launchCampaign, { campaignId, confirmRecipients: 2 });

  it("holds a marketing template's launch, of any size, until a second person approves it", async () => {
    const id = await draft(marketingSale);
    expect(await launchNeedsApproval(h.db, async () => gateway, id)).toBe(true);
    expect(await launch(id)).toMatchObject({
      ok: false,
      error: { code: "conflict", message: `This launch needs approval (${MARKETING_REASON}): submit it for approval first` },
    });
    expect(await ok(who.author, requestApproval, { campaignId: id })).toMatchObject({ status: "pending", recipients: 2, reasons: [MARKETING_REASON] });
    await ok(who.approver, approveCampaign, { campaignId: id });
    expect(await launch(id)).toMatchObject({ ok: true, data: { status: "scheduled" } });
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(asc(auditLog.id));
    expect(audit.find((a) => a.action === "campaign.approval_requested")?.diff).toMatchObject({ reasons: [MARKETING_REASON] });
    expect(audit.find((a) => a.action === "campaign.launched")?.diff).toMatchObject({ approvedBy: "approver@example.com" });
  });

  it("launches a utility template without approval", async () => {
    const id = await draft(supportOrder);
    expect(await launchNeedsApproval(h.db, async () => gateway, id)).toBe(false);
    expect(await run(who.author, requestApproval, { campaignId: id })).toMatchObject({
      ok: false,
      error: { message: "This launch does not need approval: launch it" },
    });
    expect(await launch(id)).toMatchObject({ ok: true, data: { status: "scheduled" } });
  });

  it("counts a template the number's business account does not have as marketing, saying why", async () => {
    const id = await draft(marketingOrder);
    const refused = await launch(id);
    expect(refused).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(!refused.ok && refused.error.message).toContain(
      `WhatsApp template "order_shipped" counts as marketing and needs a second person's approval: the template's category could not be read: WhatsApp Business Account "Acme Marketing"`,
    );
  });

  it("fails closed when AWS refuses the read, and names the permission", async () => {
    // A gateway whose listings are not cached yet, as after five minutes.
    useGatewayForProcess(fresh());
    await simConfig({ deniedActions: ["social-messaging:ListWhatsAppMessageTemplates"] });
    const id = await draft(supportOrder);
    const asked = await ok<{ reasons: string[] }>(who.author, requestApproval, { campaignId: id });
    expect(asked.reasons).toEqual([
      expect.stringMatching(
        /^WhatsApp template "order_shipped" counts as marketing and needs a second person's approval: the template's category could not be read: End User Messaging Social answered AccessDeniedException: .*social-messaging:ListWhatsAppMessageTemplates/,
      ),
    ]);
  });

  it("asks Connect nothing while the rule is off, and launches marketing like anything else", async () => {
    await ok(who.admin, updateApprovalSetting, { enabled: false, aboveRecipients: 1000, whatsAppMarketing: false });
    const id = await draft(marketingSale);
    const before = await simRequests("ListWhatsAppMessageTemplates");
    const unreachable = async (): Promise<ConnectGateway> => {
      throw new Error("the rule is off: Connect must not be asked");
    };
    expect(await launchNeedsApproval(h.db, unreachable, id)).toBe(false);
    useGatewayForProcess(fresh());
    expect(await launch(id)).toMatchObject({ ok: true });
    expect(await simRequests("ListWhatsAppMessageTemplates")).toBe(before);
  });

  it("judges a draft changed after the read as unread, so it counts as marketing", async () => {
    const id = await draft(supportOrder);
    const [row] = await h.db.select().from(campaigns).where(eq(campaigns.id, id));
    const read = await readTemplateCategory(async () => gateway, row!);
    expect(launchFacts(row!, 2, read).template).toEqual({ name: "order_shipped", category: expect.objectContaining({ known: true, category: "UTILITY" }) });
    const moved = { ...row!, sourcePhoneNumberArn: marketingSale.sourcePhoneNumberArn };
    expect(launchFacts(moved, 2, read)).toEqual({ valid: 2, channel: "whatsapp", template: undefined });
  });

  it("keeps the WhatsApp rule when a change leaves it out, and audits turning it on and off", async () => {
    await ok(who.admin, updateApprovalSetting, { enabled: true, aboveRecipients: 5 });
    expect(await readApprovalSetting(h.db)).toEqual({ enabled: true, aboveRecipients: 5, whatsAppMarketing: true });
    await ok(who.admin, updateApprovalSetting, { enabled: true, aboveRecipients: 5, whatsAppMarketing: false });
    const changes = await h.db.select().from(auditLog).where(eq(auditLog.action, "settings.approval_changed")).orderBy(asc(auditLog.id));
    expect(changes.at(-1)?.diff).toEqual({
      from: { enabled: true, aboveRecipients: 5, whatsAppMarketing: true },
      to: { enabled: true, aboveRecipients: 5, whatsAppMarketing: false },
    });
  });
});
