// A test send against the Connect simulator: the message goes out rendered with stand-in values, the chat is
// recorded as a contact of origin "test_send", and a bad number or a refusal by Connect is a clear error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import type { CampaignInput } from "@/lib/campaigns/schemas";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { listLocalContacts } from "@/lib/connect-local/local-listing";
import { startConnectLocal } from "@/lib/connect-local/server";
import { auditLog, contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { testSend } from "./actions";

const meta = { requestId: "r", ip: null, userAgent: null };

describe("test send", () => {
  let h: DatabaseHandle;
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let supervisor: SessionUser;
  let campaign: Omit<CampaignInput, "recipients">;

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
    campaign = {
      name: "Spring reminders",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: number.arn,
      contactFlowId: flow.id,
      message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}, see you in {{city}}" },
      chatDurationMinutes: 60,
      sendsPerSecond: 2,
    };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
  });

  const as = (user: SessionUser | null) => ({ user, db: h.db, meta });

  it("sends a test message to one number and reports Connect's answer", async () => {
    const ok = await runAction(testSend, { campaign, phone: "(206) 555-0177", defaultCountry: "US" }, as(supervisor));
    expect(ok).toMatchObject({ ok: true, data: { phone: "+12065550177", contactId: expect.any(String) } });
    const simContacts = await listLocalContacts<{ contactId: string; request: { InitialSystemMessage?: { Content: string } } }>(sim.url);
    expect(JSON.stringify(simContacts)).toContain("Hi Test recipient, see you in [city]");
    const contactId = ok.ok ? (ok.data as { contactId: string }).contactId : "";
    const [recorded] = await h.db.select().from(contacts).where(eq(contacts.contactId, contactId));
    expect(recorded).toMatchObject({
      origin: "test_send",
      createdBy: "sup@example.com",
      customerPhone: "+12065550177",
      instanceId: campaign.instanceId,
      channel: "sms",
      sourcePhoneNumberArn: campaign.sourcePhoneNumberArn,
      campaignId: null,
      state: "open",
    });

    const bad = await runAction(testSend, { campaign, phone: "12" }, as(supervisor));
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid", fields: { phone: expect.any(String) } } });
    const refused = await runAction(testSend, { campaign: { ...campaign, contactFlowId: "no-such-flow" }, phone: "+12065550177" }, as(supervisor));
    expect(refused).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Amazon Connect answered ResourceNotFoundException/) } });
    const actions = (await h.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toContain("campaign.test_sent");
    expect(actions).toContain("campaign.test_failed");
    expect(await h.db.select().from(contacts)).toHaveLength(1);
  });
});
