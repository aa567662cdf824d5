// Shared by the dispatcher's database tests: a simulator, a gateway that owns no retries, and campaigns created
// through the real draft and launch actions. Test-only; nothing in the product imports it.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import { launchCampaign, saveDraft } from "@/lib/campaigns/actions";
import { clientTokenFor } from "@/lib/campaigns/client-token";
import type { CampaignInput } from "@/lib/campaigns/schemas";
import { createConnectGateway, type ConnectGateway } from "@/lib/connect/gateway";
// Renamed: it is not a React hook, whatever its name says to the linter.
import { useGatewayForProcess as pointProcessAt } from "@/lib/connect/runtime-gateway";
import type { ConnectLocalConfigPatch } from "@/lib/connect-local/config";
import { listLocalContacts } from "@/lib/connect-local/local-listing";
import { startConnectLocal } from "@/lib/connect-local/server";
import { campaignRecipients, campaigns, contacts as contactRows, type CampaignRecipient } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { insertUser } from "@/lib/users/queries";
import { CANCELLED_UNCERTAIN_REASON } from "@/lib/ledger/skip-remaining";
import { updateSendingCapacity } from "@/lib/settings/actions";
import { readSendingCapacity } from "@/lib/settings/sending-capacity";

export interface SimContact {
  contactId: string;
  clientToken: string | null;
  customerAddress: string;
}

export interface Sim {
  url: string;
  gateway: ConnectGateway;
  setConfig(patch: ConnectLocalConfigPatch): Promise<void>;
  /** Moves the simulator's clock forward at once (its chats, pipes and WhatsApp windows with it). */
  advanceClock(seconds: number): Promise<void>;
  /** Forgets every contact and restores the starting config. */
  reset(): Promise<void>;
  contacts(): Promise<SimContact[]>;
  counters(): Promise<{
    idempotentReplays: number;
    contactsCreated: number;
    requests: Record<string, number>;
    errors: Record<string, number>;
    faultsInjected: Record<string, number>;
  }>;
  close(): Promise<void>;
}

export async function startSim(config: ConnectLocalConfigPatch = {}, gatewayTimeoutMs = 5_000): Promise<Sim> {
  const server = await startConnectLocal({ port: 0, log: false, config });
  const gateway = createConnectGateway({ mode: "local", endpoint: server.url, region: "us-east-1", maxAttempts: 1, requestTimeoutMs: gatewayTimeoutMs });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return {
    url: server.url,
    gateway,
    setConfig: async (patch) => void (await call("PUT", "/_local/config", patch)),
    advanceClock: async (seconds) => void (await call("POST", "/_local/clock", { advanceSeconds: seconds })),
    reset: async () => void (await call("POST", "/_local/reset")),
    contacts: () => listLocalContacts<SimContact>(server.url),
    counters: async () => ((await call("GET", "/_local/state")) as { counters: Awaited<ReturnType<Sim["counters"]>> }).counters,
    close: () => server.close(),
  };
}

export const phoneAt = (i: number) => `+1206555${String(i).padStart(4, "0")}`;

const meta = { requestId: "dispatch-test", ip: null, userAgent: null };

async function testUser(db: Db, role: "supervisor" | "admin") {
  const u = await insertUser(db, { email: `${role}-${randomUUID()}@example.com`, name: role, role, passwordHash: null });
  return { id: u.id, email: u.email, name: u.name, role, sessionId: "dispatch-test", mustChangePassword: false };
}

/** Sets Settings → Sending through the admin's action: a number's messages per second (null: its default) and/or the WhatsApp daily limit. */
export async function setSendingCapacity(
  db: Db,
  change: { arn?: string; messagesPerSecond?: number | null; whatsAppDailyLimit?: number | null },
): Promise<void> {
  const current = await readSendingCapacity(db);
  const limit = change.whatsAppDailyLimit === undefined ? current.whatsAppDailyLimit : change.whatsAppDailyLimit;
  const input = {
    numbers: change.arn ? [{ arn: change.arn, phoneNumber: "", messagesPerSecond: change.messagesPerSecond ?? null }] : [],
    whatsAppDailyLimit: limit === null ? "unlimited" : String(limit),
  };
  const done = await runAction(updateSendingCapacity, input, { user: await testUser(db, "admin"), db, meta });
  if (!done.ok) throw new Error(done.error.message);
}

export interface TestCampaignOptions {
  /** Runs between saving the draft and launching it (time passing, a change made meanwhile). */
  beforeLaunch?: () => Promise<unknown>;
  count: number;
  first?: number;
  sendsPerSecond?: number;
  name?: string;
  /** SMS (default) from the US 10DLC long code, or WhatsApp from the German WhatsApp number with the order_shipped template. */
  channel?: "sms" | "whatsapp";
  /** Another seed flow of acme-support, by name. */
  flowName?: string;
  /** The user's word that the flow ends each chat after this many seconds. */
  flowEndsChatAfterSeconds?: number;
  /**
   * The source number's messages per second in Settings → Sending, set before launch. The 10DLC long code sends 1 a
   * second by default; tests about something else raise it (default 1,000), as an admin does after an MPS increase.
   * "default": leave the setting as it is.
   */
  numberPerSecond?: number | "default";
  /** Any other composer settings (an end time, say). */
  settings?: Partial<CampaignInput>;
}

/**
 * A launched (scheduled, due now) campaign with `count` valid recipients plus one invalid row, created through
 * saveDraft and launchCampaign exactly as a person would. Preflight talks to `sim` through the process gateway.
 */
export async function launchTestCampaign(db: Db, sim: Sim, opts: TestCampaignOptions): Promise<string> {
  pointProcessAt(sim.gateway);
  try {
    const user = await testUser(db, "supervisor");
    const whatsapp = opts.channel === "whatsapp";
    const instance = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await sim.gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === (whatsapp ? "+4915123456789" : "+12065550142"))!;
    const flowName = opts.flowName ?? (whatsapp ? "Outbound WhatsApp notifications" : "Outbound SMS notifications");
    const flow = (await sim.gateway.listContactFlows(instance.id)).find((f) => f.name === flowName)!;
    if (opts.numberPerSecond !== "default") await setSendingCapacity(db, { arn: number.arn, messagesPerSecond: opts.numberPerSecond ?? 1000 });
    const first = opts.first ?? 1000;
    const lines = ["phone,name", "not a number,Nobody", ...Array.from({ length: opts.count }, (_, i) => `${phoneAt(first + i)},R${i}`)];
    const campaign: CampaignInput = {
      name: opts.name ?? "Dispatch test",
      instanceId: instance.id,
      channel: whatsapp ? "whatsapp" : "sms",
      sourcePhoneNumberArn: number.arn,
      contactFlowId: flow.id,
      recipients: { format: "csv", text: lines.join("\n"), mapping: { phoneColumn: "phone", nameColumn: "name" }, defaultCountry: "US" },
      message: whatsapp ? await orderShipped(sim) : { kind: "text", contentType: "text/plain", text: "Hello {{name}}" },
      chatDurationMinutes: 60,
      ...(opts.flowEndsChatAfterSeconds !== undefined ? { flowEndsChatAfterSeconds: opts.flowEndsChatAfterSeconds } : {}),
      sendsPerSecond: opts.sendsPerSecond ?? 1000,
      ...opts.settings,
    };
    const ctx = { user, db, meta };
    const saved = await runAction(saveDraft, { campaign }, ctx);
    if (!saved.ok) throw new Error(saved.error.message);
    const { campaignId } = saved.data as { campaignId: string };
    await opts.beforeLaunch?.();
    // The one invalid row is confirmed too: in small test lists it is more than launch takes without asking.
    const launched = await runAction(launchCampaign, { campaignId, confirmRecipients: opts.count, confirmInvalid: 1 }, ctx);
    if (!launched.ok) throw new Error(launched.error.message);
    return campaignId;
  } finally {
    pointProcessAt(undefined);
  }
}

async function orderShipped(sim: Sim): Promise<CampaignInput["message"]> {
  const kb = (await sim.gateway.listKnowledgeBases()).find((k) => k.name === "Messaging templates")!;
  const template = (await sim.gateway.listMessageTemplates(kb.id)).find((t) => t.name === "order_shipped")!;
  return {
    kind: "template",
    knowledgeBaseId: kb.id,
    messageTemplateId: template.id,
    templateName: template.name,
    variables: { customerName: { column: "name" }, orderId: { value: "A-1" }, trackingUrl: { value: "https://track.example/A-1" } },
  };
}

export async function ledger(db: Db, campaignId: string): Promise<CampaignRecipient[]> {
  const rows = await db.select().from(campaignRecipients).where(eq(campaignRecipients.campaignId, campaignId));
  return rows.filter((r) => r.sendStatus !== null);
}

export async function campaignRow(db: Db, campaignId: string) {
  const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  return row!;
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * The exactly-once check: every ledger row marked sent has exactly one contact in the simulator, under its own
 * ClientToken and with the ContactId the ledger holds; no contact exists for anyone else.
 */
export async function expectExactlyOnce(db: Db, sim: Sim, campaignId: string): Promise<{ sent: number; contacts: SimContact[] }> {
  const rows = await ledger(db, campaignId);
  const contacts = await sim.contacts();
  const byToken = new Map<string, SimContact[]>();
  for (const c of contacts) byToken.set(c.clientToken ?? "", [...(byToken.get(c.clientToken ?? "") ?? []), c]);
  const problems: string[] = [];
  const mine = new Set<string>();
  for (const r of rows) {
    const token = clientTokenFor(campaignId, r.phone!);
    mine.add(token);
    const found = byToken.get(token) ?? [];
    if (r.sendStatus === "sent") {
      if (found.length !== 1) problems.push(`${r.phone}: ${found.length} contacts`);
      else if (found[0]!.contactId !== r.contactId) problems.push(`${r.phone}: ledger ${r.contactId}, Connect ${found[0]!.contactId}`);
      else if (found[0]!.customerAddress !== r.phone) problems.push(`${r.phone}: contact went to ${found[0]!.customerAddress}`);
    } else if (found.length > 1 || (found.length === 1 && r.reason !== CANCELLED_UNCERTAIN_REASON)) {
      // Only a cancelled row whose last call had no known outcome may have been contacted, and its reason says so.
      problems.push(`${r.phone}: ${r.sendStatus} but ${found.length} contacts`);
    }
  }
  const strangers = contacts.filter((c) => !mine.has(c.clientToken ?? ""));
  if (strangers.length > 0) problems.push(`${strangers.length} contacts for nobody in the ledger`);
  // The console's own contact history holds each sent row's contact, and nothing for rows that were not sent.
  const campaign = await campaignRow(db, campaignId);
  const recorded = new Map((await db.select().from(contactRows).where(eq(contactRows.campaignId, campaignId))).map((c) => [c.contactId, c]));
  for (const r of rows.filter((x) => x.sendStatus === "sent")) {
    const c = recorded.get(r.contactId!);
    if (!c) problems.push(`${r.phone}: sent as ${r.contactId} but no contact recorded`);
    else if (
      c.origin !== "campaign" ||
      c.recipientId !== r.id ||
      c.customerPhone !== r.phone ||
      c.instanceId !== campaign.instanceId ||
      c.sourcePhoneNumberArn !== campaign.sourcePhoneNumberArn ||
      c.createdBy !== "system"
    ) {
      problems.push(
        `${r.phone}: contact recorded as ${JSON.stringify({ origin: c.origin, recipientId: c.recipientId, customerPhone: c.customerPhone, createdBy: c.createdBy })}`,
      );
    }
  }
  const sentIds = new Set(rows.filter((x) => x.sendStatus === "sent").map((x) => x.contactId));
  const unsent = [...recorded.keys()].filter((id) => !sentIds.has(id));
  if (unsent.length > 0) problems.push(`${unsent.length} contacts recorded for rows not marked sent`);
  if (problems.length > 0) throw new Error(`Not exactly once:\n${problems.slice(0, 20).join("\n")}`);
  return { sent: rows.filter((r) => r.sendStatus === "sent").length, contacts: contacts.filter((c) => mine.has(c.clientToken ?? "")) };
}
