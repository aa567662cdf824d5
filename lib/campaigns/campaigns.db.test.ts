import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { auditLog, campaignRecipients, campaigns, suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { deleteDraft, launchCampaign, previewPreflight, saveDraft } from "./actions";
import { loadDraftForEdit } from "./drafts";
import type { PreflightSummary } from "./preflight-summary";
import type { CampaignInput } from "./schemas";

const meta = { requestId: "r", ip: null, userAgent: null };

const CSV = [
  "phone;name;city",
  "+1 206 555 0100;Ada;Seattle",
  '"(206) 555-0101";"Bob, Jr.";Tacoma',
  "+12065550100;Ada again;Seattle",
  "not a number;Eve;Nowhere",
  "+44 7911 123456;Gus;London",
  "+12065550199;Sue;Spokane",
  "",
].join("\r\n");

describe("campaign drafts, preflight and launch", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let supervisor: SessionUser;
  let base: CampaignInput;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const u = await insertUser(h.db, { email: "sup@example.com", name: "Sup", role: "supervisor", passwordHash: null });
    supervisor = { id: u.id, email: u.email, name: u.name, role: "supervisor", sessionId: "test-session", mustChangePassword: false };
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!;
    const flow = (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!;
    base = {
      name: "Spring reminders",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: number.arn,
      contactFlowId: flow.id,
      recipients: { format: "csv", text: CSV, mapping: { phoneColumn: "phone", nameColumn: "name", variableColumns: { city: "city" } }, defaultCountry: "US" },
      message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}, see you in {{city}}" },
      chatDurationMinutes: 60,
      sendsPerSecond: 2,
    };
    await h.db.insert(suppressions).values({ phone: "+12065550199", reason: "asked", source: "manual", createdBy: "sup@example.com" });
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });

  const as = (user: SessionUser | null) => ({ user, db: h.db, meta });

  it("accounts for every row once: valid, invalid with reasons, duplicate, suppressed, wrong country", async () => {
    const res = await runAction(previewPreflight, base, as(supervisor));
    if (!res.ok) throw new Error(res.error.message);
    const p = res.data as PreflightSummary;
    expect(p.total).toBe(6);
    expect(p.counts).toEqual({ valid: 2, invalid: 2, duplicate: 1, suppressed: 1 });
    expect(p.samples.duplicate[0]).toMatchObject({ line: 4, duplicateOfLine: 2 });
    expect(p.samples.invalid.map((r) => r.line)).toEqual([5, 6]);
    expect(p.samples.invalid[1]!.reason).toMatch(/country/);
    expect(p.previews[0]).toMatchObject({ phone: "+12065550100", message: "Hi Ada, see you in Seattle" });
    expect(p.sampleRequest).toMatchObject({ destinationPhoneNumber: "+12065550100", channel: "sms", initialSystemMessage: "Hi Ada, see you in Seattle" });
    expect(p.blocking).toEqual([]);
    // Two recipients through a US long code (10DLC, 1 message per second): the number, not the account, sets the pace.
    expect(p.plan).toMatchObject({ binding: "number-throughput", seconds: 2 });
    expect(p.estimatedSeconds).toBe(2);
    expect(p.sourceCountry).toBe("US");
    expect(p.invalidReasons?.map((r) => [r.problem, r.count])).toEqual([
      ["not_a_number", 1],
      ["wrong_country", 1],
    ]);
    expect(p.launchConfirm).toEqual({ invalidShareAbove: 0.1, typeCountFrom: 1000 });
  });

  it("reads numbers without a country code as nothing, and offers the source number's country", async () => {
    const res = await runAction(
      previewPreflight,
      { ...base, recipients: { ...base.recipients, defaultCountry: undefined, text: "phone,name,city\n(206) 555-0100,Ada,Seattle\n" } },
      as(supervisor),
    );
    if (!res.ok) throw new Error(res.error.message);
    expect((res.data as PreflightSummary).invalidReasons).toEqual([
      {
        problem: "no_country_code",
        count: 1,
        text: "1 row has no country code and no default country applies",
        fix: { defaultCountry: "US", text: "Treat them as US, the source number's country?" },
      },
    ]);
  });

  it("sends WhatsApp across borders: a German WhatsApp number reaches US and British customers", async () => {
    const gateway = await (await import("@/lib/connect/runtime-gateway")).getGateway();
    const german = (await gateway.listPhoneNumbers(base.instanceId)).find((n) => n.phoneNumber === "+4915123456789")!;
    const kb = (await gateway.listKnowledgeBases())[0]!;
    const template = (await gateway.listMessageTemplates(kb.id)).find((t) => t.channelSubtype === "WHATSAPP")!;
    const wa = {
      ...base,
      channel: "whatsapp" as const,
      sourcePhoneNumberArn: german.arn,
      message: { kind: "template" as const, knowledgeBaseId: kb.id, messageTemplateId: template.id, variables: {} },
    };
    const res = await runAction(previewPreflight, wa, as(supervisor));
    if (!res.ok) throw new Error(res.error.message);
    const p = res.data as PreflightSummary;
    // The British number that SMS from a US number refuses is valid here; only the row that is no number stays invalid.
    expect(p.counts).toMatchObject({ valid: 3, invalid: 1 });
    expect(p.invalidReasons?.map((r) => r.problem)).toEqual(["not_a_number"]);
  });

  it("blocks a WhatsApp campaign on an SMS-only number and an archived flow", async () => {
    const flows = await (await import("@/lib/connect/runtime-gateway")).getGateway().then((g) => g.listContactFlows(base.instanceId));
    const archived = flows.find((f) => f.state === "ARCHIVED")!;
    const res = await runAction(previewPreflight, { ...base, contactFlowId: archived.id }, as(supervisor));
    expect(res.ok && (res.data as PreflightSummary).blocking.join(" ")).toMatch(/archived/);
    const wa = await runAction(previewPreflight, { ...base, channel: "whatsapp", message: { kind: "none" } }, as(supervisor));
    expect(wa.ok && (wa.data as PreflightSummary).blocking.join(" ")).toMatch(/cannot send WhatsApp/);
    expect(wa.ok && (wa.data as PreflightSummary).blocking.join(" ")).toMatch(/WhatsApp campaigns need a message template/);
    const text = await runAction(previewPreflight, { ...base, channel: "whatsapp" }, as(supervisor));
    expect(text).toMatchObject({ ok: false, error: { code: "invalid", fields: { message: expect.stringMatching(/template/) } } });
  });

  it("saves a draft with every row, reopens it, launches only with the confirmed count, then freezes it", async () => {
    const saved = await runAction(saveDraft, { campaign: base }, as(supervisor));
    if (!saved.ok) throw new Error(saved.error.message);
    const { campaignId } = saved.data as { campaignId: string };
    const rows = await h.db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, campaignId));
    expect(rows).toHaveLength(6);
    expect(
      rows
        .filter((r) => r.sendStatus === "pending")
        .map((r) => r.phone)
        .sort(),
    ).toEqual(["+12065550100", "+12065550101"]);

    const reopened = await loadDraftForEdit(h.db, campaignId);
    expect(reopened?.input.recipients.text).toBe(CSV);
    expect(reopened?.input.name).toBe("Spring reminders");

    const renamed = await runAction(saveDraft, { campaignId, campaign: { ...base, name: "Spring reminders v2" } }, as(supervisor));
    expect(renamed.ok).toBe(true);

    const wrongCount = await runAction(launchCampaign, { campaignId, confirmRecipients: 5 }, as(supervisor));
    expect(wrongCount).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/now has 2 recipients/) } });
    // 2 of 6 rows are invalid, above the 10 % that launch takes with one confirmation.
    const unconfirmed = await runAction(launchCampaign, { campaignId, confirmRecipients: 2 }, as(supervisor));
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/^2 of 6 rows \(33 %\) are invalid/) } });
    const staleInvalid = await runAction(launchCampaign, { campaignId, confirmRecipients: 2, confirmInvalid: 1 }, as(supervisor));
    expect(staleInvalid).toMatchObject({ ok: false, error: { code: "conflict" } });
    const launched = await runAction(launchCampaign, { campaignId, confirmRecipients: 2, confirmInvalid: 2 }, as(supervisor));
    expect(launched).toMatchObject({ ok: true, data: { status: "scheduled" } });
    const [launchAudit] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, campaignId), eq(auditLog.action, "campaign.launched")));
    expect(launchAudit!.diff).toMatchObject({ recipients: 2, invalidConfirmed: 2 });

    const edit = await runAction(saveDraft, { campaignId, campaign: base }, as(supervisor));
    expect(edit).toMatchObject({ ok: false, error: { code: "conflict" } });
    const del = await runAction(deleteDraft, { campaignId }, as(supervisor));
    expect(del).toMatchObject({ ok: false, error: { code: "conflict" } });
    const [row] = await h.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
    expect(row).toMatchObject({ status: "scheduled", name: "Spring reminders v2", launchedBy: supervisor.id });

    const actions = (await h.db.select().from(auditLog).where(eq(auditLog.targetId, campaignId))).map((a) => a.action);
    expect(actions).toEqual(["campaign.created", "campaign.updated", "campaign.launched"]);
  });

  it("deletes a draft with its rows", async () => {
    const saved = await runAction(saveDraft, { campaign: { ...base, name: "Throwaway" } }, as(supervisor));
    const { campaignId } = (saved as { data: { campaignId: string } }).data;
    expect(await runAction(deleteDraft, { campaignId }, as(supervisor))).toMatchObject({ ok: true });
    expect(await h.db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, campaignId))).toHaveLength(0);
  });
});
