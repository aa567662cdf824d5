// Duplicating a campaign: a new draft of whoever asked, with the same settings and list, its rows checked again today.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
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
import { copyName, duplicateCampaign } from "./duplicate";
import type { PreflightSummary } from "./preflight-summary";
import type { CampaignInput } from "./schemas";

const meta = { requestId: "r", ip: null, userAgent: null };
type Saved = { campaignId: string; preflight: PreflightSummary };

describe("duplicating a campaign", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let author: SessionUser;
  let other: SessionUser;
  let base: CampaignInput;

  beforeAll(async () => {
    h = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const person = async (email: string): Promise<SessionUser> => {
      const u = await insertUser(h.db, { email, name: email, role: "supervisor", passwordHash: null });
      return { id: u.id, email: u.email, name: u.name, role: "supervisor", sessionId: "s", mustChangePassword: false };
    };
    author = await person("author@example.com");
    other = await person("other@example.com");
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!;
    const flow = (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!;
    base = {
      name: "Spring sale",
      description: "Twenty percent off",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: number.arn,
      contactFlowId: flow.id,
      recipients: {
        format: "csv",
        text: "phone,name,city\n+12065550100,Ada,Seattle\n+12065550101,Bob,Tacoma\n+12065550102,Cy,Olympia\nnope,Bad,Nowhere\n",
        mapping: { phoneColumn: "phone", nameColumn: "name", variableColumns: { city: "city" } },
        defaultCountry: "US",
      },
      message: { kind: "text", contentType: "text/plain", text: "Hi {{name}} in {{city}}" },
      sendsPerSecond: 3,
      chatDurationMinutes: 90,
      attributes: { promo: "spring" },
    };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });

  const call = async <T>(user: SessionUser, action: Parameters<typeof runAction>[0], input: unknown) => {
    const res = (await runAction(action, input, { user, db: h.db, meta })) as ActionResult<T>;
    if (!res.ok) throw new Error(res.error.message);
    return res.data;
  };
  const row = async (id: string) => (await h.db.select().from(campaigns).where(eq(campaigns.id, id)))[0]!;
  const statusOf = async (id: string, phone: string) =>
    (
      await h.db
        .select({ status: campaignRecipients.preflightStatus })
        .from(campaignRecipients)
        .where(and(eq(campaignRecipients.campaignId, id), eq(campaignRecipients.phone, phone)))
    )[0]?.status;

  it("copies a launched campaign's settings into a draft of the person who duplicated it, checking its rows against today's suppressions", async () => {
    const source = await call<Saved>(author, saveDraft, { campaign: base });
    expect(source.preflight.counts).toMatchObject({ valid: 3, invalid: 1, suppressed: 0 });
    await call(author, launchCampaign, { campaignId: source.campaignId, confirmRecipients: 3, confirmInvalid: 1 });
    // Bob asked not to be contacted after the original was checked.
    await h.db.insert(suppressions).values({ phone: "+12065550101", reason: "asked", source: "manual", createdBy: "other@example.com" });

    const copy = await call<Saved>(other, duplicateCampaign, { campaignId: source.campaignId });
    expect(copy.campaignId).not.toBe(source.campaignId);
    expect(copy.preflight.counts).toMatchObject({ valid: 2, invalid: 1, suppressed: 1 });
    expect(await statusOf(copy.campaignId, "+12065550101")).toBe("suppressed");
    // The original is untouched: it was checked before the suppression.
    expect(await statusOf(source.campaignId, "+12065550101")).toBe("valid");

    const [original, dup] = [await row(source.campaignId), await row(copy.campaignId)];
    expect(dup).toMatchObject({
      name: "Spring sale (copy)",
      description: "Twenty percent off",
      status: "draft",
      channel: original.channel,
      instanceId: original.instanceId,
      contactFlowId: original.contactFlowId,
      sourcePhoneNumberArn: original.sourcePhoneNumberArn,
      createdBy: other.id,
      createdByEmail: "other@example.com",
      launchedAt: null,
      ledgerState: "ready",
    });
    expect({ ...(dup.config as object), name: undefined }).toEqual({ ...(original.config as object), name: undefined });
    const [copiedSource] = await h.db.select().from(campaignSources).where(eq(campaignSources.campaignId, copy.campaignId));
    expect(copiedSource!.text).toBe(base.recipients.text);
    // Messages are rendered for the copy's own rows, variables and all.
    const first = await h.db
      .select({ variables: campaignRecipients.variables })
      .from(campaignRecipients)
      .where(eq(campaignRecipients.campaignId, copy.campaignId))
      .orderBy(asc(campaignRecipients.line))
      .limit(1);
    expect(first[0]!.variables).toMatchObject({ __message: "Hi Ada in Seattle" });

    const audit = await h.db.select().from(auditLog).where(eq(auditLog.targetId, copy.campaignId)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(["campaign.created", "campaign.duplicated"]);
    expect(audit[1]).toMatchObject({
      actorEmail: "other@example.com",
      diff: { sourceId: source.campaignId, sourceName: "Spring sale", name: "Spring sale (copy)" },
    });
  });

  it("names each further copy uniquely", async () => {
    const [source] = await h.db.select().from(campaigns).where(eq(campaigns.name, "Spring sale"));
    const second = await call<Saved>(author, duplicateCampaign, { campaignId: source!.id });
    expect((await row(second.campaignId)).name).toBe("Spring sale (copy 2)");
    const ofCopy = await call<Saved>(author, duplicateCampaign, { campaignId: second.campaignId });
    expect((await row(ofCopy.campaignId)).name).toBe("Spring sale (copy 2) (copy)");
    expect(copyName("x".repeat(120), new Set())).toHaveLength(120);
    expect(copyName("A", new Set(["A (copy)", "A (copy 2)"]))).toBe("A (copy 3)");
  });

  it("copies a draft made from an upload by reusing the stored upload, and a past start time becomes 'when launched' and a past end time is dropped", async () => {
    const text = "phone\n+12065550110\n+12065550111\n+12065550101\n";
    const [upload] = await h.db
      .insert(recipientUploads)
      .values({
        createdBy: author.id,
        format: "csv",
        fileName: "list.csv",
        byteSize: Buffer.byteLength(text),
        rowCount: 3,
        header: ["phone"],
        sha256: createHash("sha256").update(text).digest("hex"),
        content: text,
      })
      .returning();
    const source = await call<Saved>(author, saveDraft, {
      campaign: {
        ...base,
        name: "Uploaded",
        message: { kind: "text", contentType: "text/plain", text: "Hello" },
        recipients: { format: "csv", uploadId: upload!.id, mapping: { phoneColumn: "phone" }, defaultCountry: "US" },
        schedule: { mode: "at", at: new Date(Date.now() + 60_000).toISOString(), timeZone: "Europe/Berlin" },
      },
    });
    // The start time passes before anyone duplicates it.
    const [src] = await h.db.select().from(campaigns).where(eq(campaigns.id, source.campaignId));
    const config = src!.config as { schedule: object };
    await h.db
      .update(campaigns)
      .set({ config: { ...config, schedule: { mode: "at", at: "2020-01-01T09:00:00+01:00", timeZone: "Europe/Berlin" }, endAt: "2020-01-02T09:00:00+01:00" } })
      .where(eq(campaigns.id, source.campaignId));

    const copy = await call<Saved>(author, duplicateCampaign, { campaignId: source.campaignId });
    expect(copy.preflight.counts).toMatchObject({ valid: 2, suppressed: 1 });
    const [copiedSource] = await h.db.select().from(campaignSources).where(eq(campaignSources.campaignId, copy.campaignId));
    expect(copiedSource).toMatchObject({ uploadId: upload!.id, text: null });
    const dup = await row(copy.campaignId);
    expect(dup).toMatchObject({ name: "Uploaded (copy)", scheduledAt: null });
    expect((dup.config as { schedule: unknown }).schedule).toEqual({ mode: "now" });
    expect(dup.config).not.toHaveProperty("endAt");
  });

  it("stores each row's own time zone from the list's time zone column, and a copy keeps them", async () => {
    const text = "phone,name,tz\n+12065550120,Ada,America/Chicago\n+12065550121,Bob,asia/tokyo\n+12065550122,Cy,\n+12065550123,Dee,Mars/Olympus\n";
    const source = await call<Saved>(author, saveDraft, {
      campaign: {
        ...base,
        name: "Zoned",
        message: { kind: "text", contentType: "text/plain", text: "Hello {{name}}" },
        recipients: { format: "csv", text, mapping: { phoneColumn: "phone", nameColumn: "name", timeZoneColumn: "tz" }, defaultCountry: "US" },
      },
    });
    expect(source.preflight.counts).toMatchObject({ valid: 3, invalid: 1 });
    expect(source.preflight.invalidReasons).toEqual([expect.objectContaining({ problem: "unknown_time_zone", count: 1 })]);
    const zones = async (id: string) =>
      h.db
        .select({ line: campaignRecipients.line, timeZone: campaignRecipients.timeZone, reason: campaignRecipients.reason })
        .from(campaignRecipients)
        .where(eq(campaignRecipients.campaignId, id))
        .orderBy(asc(campaignRecipients.line));
    const stored = [
      { line: 2, timeZone: "America/Chicago", reason: null },
      { line: 3, timeZone: "Asia/Tokyo", reason: null },
      { line: 4, timeZone: null, reason: null },
      { line: 5, timeZone: null, reason: 'unknown time zone "Mars/Olympus"' },
    ];
    expect(await zones(source.campaignId)).toEqual(stored);

    const copy = await call<Saved>(other, duplicateCampaign, { campaignId: source.campaignId });
    expect((await row(copy.campaignId)).config).toMatchObject({ recipients: { mapping: { timeZoneColumn: "tz" } } });
    expect(await zones(copy.campaignId)).toEqual(stored);
  });

  it("answers an unknown campaign with not found and a list no longer stored with a conflict, storing nothing", async () => {
    const before = (await h.db.select().from(campaigns)).length;
    const missing = await runAction(duplicateCampaign, { campaignId: "00000000-0000-4000-8000-000000000001" }, { user: author, db: h.db, meta });
    expect(missing).toMatchObject({ ok: false, error: { code: "not_found" } });
    const [src] = await h.db.select().from(campaigns).where(eq(campaigns.name, "Uploaded"));
    // Uploads stay while a campaign names them; a campaign from before lists were stored has no source row.
    await h.db.delete(campaignSources).where(eq(campaignSources.campaignId, src!.id));
    const gone = await runAction(duplicateCampaign, { campaignId: src!.id }, { user: author, db: h.db, meta });
    expect(gone).toMatchObject({ ok: false, error: { code: "conflict", message: expect.stringMatching(/no longer stored/) } });
    expect((await h.db.select().from(campaigns)).length).toBe(before);
  });
});
