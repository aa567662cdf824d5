// Campaigns for the dispatch benchmark, created exactly as a person would: saveDraft then launchCampaign through
// runAction, with the preflight asking the simulator through the process gateway.
import "../allow-server-modules";
import { randomUUID } from "node:crypto";
import { runAction } from "@/lib/actions/safe-action";
import { launchCampaign, saveDraft } from "@/lib/campaigns/actions";
import type { CampaignInput } from "@/lib/campaigns/schemas";
import type { ConnectGateway } from "@/lib/connect/gateway";
// Renamed: it is not a React hook, whatever its name says to the linter.
import { useGatewayForProcess as pointProcessAt } from "@/lib/connect/runtime-gateway";
import type { Db } from "@/lib/db/types";
import { updateSendingCapacity } from "@/lib/settings/actions";
import { insertUser } from "@/lib/users/queries";

/** Distinct valid US numbers, +1 206 2xx-xxxx: up to 1,000,000 of them. */
export const benchPhone = (i: number) => `+1206${200 + Math.floor(i / 10_000)}${String(i % 10_000).padStart(4, "0")}`;

export interface BenchTarget {
  instanceId: string;
  sourcePhoneNumberArn: string;
  contactFlowId: string;
}

export async function benchTarget(gateway: ConnectGateway): Promise<BenchTarget> {
  const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support");
  if (!instance) throw new Error("The simulator's seed has no acme-support instance");
  const number = (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142");
  const flow = (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications");
  if (!number || !flow) throw new Error("The simulator's seed lacks +12065550142 or the Outbound SMS notifications flow");
  return { instanceId: instance.id, sourcePhoneNumberArn: number.arn, contactFlowId: flow.id };
}

/** A launched (scheduled, due now) SMS campaign of `count` valid recipients. Returns its id and the numbers. */
export async function launchBenchCampaign(
  db: Db,
  gateway: ConnectGateway,
  target: BenchTarget,
  opts: { name: string; count: number; sendsPerSecond: number },
): Promise<{ campaignId: string; phones: string[] }> {
  pointProcessAt(gateway);
  try {
    const u = await insertUser(db, { email: `bench-${randomUUID()}@example.com`, name: "Bench", role: "supervisor", passwordHash: null });
    const user = { id: u.id, email: u.email, name: u.name, role: "supervisor" as const, sessionId: "bench-session", mustChangePassword: false };
    const phones = Array.from({ length: opts.count }, (_, i) => benchPhone(i));
    const lines = ["phone,name", ...phones.map((p, i) => `${p},Recipient ${i + 1}`)];
    const campaign: CampaignInput = {
      name: opts.name,
      ...target,
      channel: "sms",
      recipients: { format: "csv", text: lines.join("\n"), mapping: { phoneColumn: "phone", nameColumn: "name" }, defaultCountry: "US" },
      message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}, your order is ready for pickup. Reply STOP to opt out." },
      chatDurationMinutes: 60,
      sendsPerSecond: opts.sendsPerSecond,
    };
    const ctx = { user, db, meta: { requestId: "bench-dispatch", ip: null, userAgent: null } };
    // The seed's 10DLC number carries 1 message per second by default; the benchmark measures the dispatcher at up to
    // 200 per second, so an admin raises the number's rate first, as one would for a number registered for it.
    const a = await insertUser(db, { email: `bench-admin-${randomUUID()}@example.com`, name: "Bench admin", role: "admin", passwordHash: null });
    const admin = { ...user, id: a.id, email: a.email, role: "admin" as const };
    const raised = await runAction(
      updateSendingCapacity,
      { numbers: [{ arn: target.sourcePhoneNumberArn, phoneNumber: "+12065550142", messagesPerSecond: 1000 }], whatsAppDailyLimit: "250" },
      { ...ctx, user: admin },
    );
    if (!raised.ok) throw new Error(`updateSendingCapacity: ${raised.error.message}`);
    const saved = await runAction(saveDraft, { campaign }, ctx);
    if (!saved.ok) throw new Error(`saveDraft: ${saved.error.message}`);
    const { campaignId, preflight } = saved.data as { campaignId: string; preflight: { counts: { valid: number } } };
    if (preflight.counts.valid !== opts.count) throw new Error(`preflight found ${preflight.counts.valid} valid recipients, expected ${opts.count}`);
    const launched = await runAction(launchCampaign, { campaignId, confirmRecipients: opts.count }, ctx);
    if (!launched.ok) throw new Error(`launchCampaign: ${launched.error.message}`);
    return { campaignId, phones };
  } finally {
    pointProcessAt(undefined);
  }
}
