// The planner benchmark's campaigns, each bound by one ceiling, and how one is run through the automation API: check
// (the preflight's plan is the projection), launch, wait until every row is done, and read the first launch and the
// last send from the ledger. The console's quota and account rate are small, so each case takes about a minute.
import { normalizePhone } from "@/lib/recipients/normalize-phone";
import { sleep } from "./child-process";
import { BenchError, type BenchApi } from "./recipients-bench-api";

/** The console and the simulator both get these, as an operator would configure both for the same account. */
export const ACCOUNT_PER_SECOND = 2;
export const CHAT_QUOTA = 10;

/** The simulator's flows and after how many seconds each ends its chats. */
export const FLOW_ENDS = {
  quick: { name: "Outbound SMS notifications", seconds: 2 },
  observed: { name: "Send and disconnect", seconds: 10 },
  stated: { name: "Outbound WhatsApp notifications", seconds: 8 },
};
const TOLL_FREE = "+18885550100";
const LONG_CODE = "+12065550142";

export interface BenchCase {
  key: string;
  title: string;
  /** The ceiling the case is built to be bound by. */
  binding: string;
  number: string;
  flow: keyof typeof FLOW_ENDS;
  recipients: number;
  /** The user's word on the flow's chat lifetime; absent: the plan learns it from the flow's past chats (or not). */
  stated?: number;
  /** A campaign launched just before, sharing the account rate. */
  companion?: number;
}

export const CASES: BenchCase[] = [
  { key: "a", title: "account rate", binding: "account-rate", number: TOLL_FREE, flow: "quick", stated: 2, recipients: 120 },
  { key: "b", title: "chat capacity, lifetime learned from the flow", binding: "chat-capacity", number: TOLL_FREE, flow: "observed", recipients: 60 },
  { key: "c", title: "chat capacity, flow ends chats (stated)", binding: "chat-capacity", number: TOLL_FREE, flow: "stated", stated: 8, recipients: 60 },
  { key: "d", title: "number throughput (10DLC, 1/s)", binding: "number-throughput", number: LONG_CODE, flow: "quick", stated: 2, recipients: 60 },
  {
    key: "e",
    title: "two campaigns sharing the account rate",
    binding: "account-rate",
    number: TOLL_FREE,
    flow: "quick",
    stated: 2,
    recipients: 120,
    companion: 60,
  },
];

export interface Target {
  instanceId: string;
  numbers: Record<string, string>;
  flows: Record<keyof typeof FLOW_ENDS, string>;
}

export async function findTarget(api: BenchApi): Promise<Target> {
  const get = <T>(pathname: string) => api.call<T>({ method: "GET", pathname, expect: 200, timeoutMs: 60_000 });
  const { instances } = await get<{ instances: { id: string; alias: string }[] }>("/api/v1/instances");
  const instance = instances.find((i) => i.alias === "acme-support");
  if (!instance) throw new BenchError("the simulator has no acme-support instance");
  const { numbers } = await get<{ numbers: { arn: string; phoneNumber: string }[] }>(`/api/v1/instances/${instance.id}/numbers`);
  const { flows } = await get<{ flows: { id: string; name: string }[] }>(`/api/v1/instances/${instance.id}/flows`);
  const flowId = (name: string) => flows.find((f) => f.name === name)?.id ?? fail(`flow "${name}"`);
  const numberArn = (phone: string) => numbers.find((n) => n.phoneNumber === phone)?.arn ?? fail(`number ${phone}`);
  return {
    instanceId: instance.id,
    numbers: { [TOLL_FREE]: numberArn(TOLL_FREE), [LONG_CODE]: numberArn(LONG_CODE) },
    flows: { quick: flowId(FLOW_ENDS.quick.name), observed: flowId(FLOW_ENDS.observed.name), stated: flowId(FLOW_ENDS.stated.name) },
  };
}

function fail(what: string): never {
  throw new BenchError(`the simulator's acme-support instance has no ${what}`);
}

/** Distinct valid US numbers, a fresh block for every campaign so no recipient is a duplicate of an earlier one. */
let nextNumber = 0;
function recipients(n: number): { phone: string }[] {
  const out: { phone: string }[] = [];
  while (out.length < n) {
    const k = nextNumber++;
    const phone = `+1206${200 + Math.floor(k / 10_000)}${String(k % 10_000).padStart(4, "0")}`;
    if (normalizePhone(phone).ok) out.push({ phone });
  }
  return out;
}

interface Plan {
  seconds: number | null;
  binding: string;
  bindingWords: string;
  lifetime: { seconds: number; source: string };
}

export interface CaseRun {
  id: string;
  plan: Plan;
}

/**
 * Saves a checked draft and launches it; the plan is the one the check made moments before the launch. With
 * `untilObserved`, the draft is checked again until its plan takes the chat lifetime from the flow's past chats
 * (reconciliation sees a chat end at its next look at it, up to a couple of minutes later).
 */
export async function checkAndLaunch(
  api: BenchApi,
  target: Target,
  c: BenchCase,
  name: string,
  count: number,
  untilObserved?: { timeoutMs: number },
): Promise<CaseRun> {
  const body = {
    name,
    instanceId: target.instanceId,
    channel: "sms",
    sourcePhoneNumberArn: target.numbers[c.number],
    contactFlowId: target.flows[c.flow],
    message: { kind: "text", contentType: "text/plain", text: "Your appointment is tomorrow" },
    recipients: recipients(count),
    sendsPerSecond: 100,
    ...(c.stated ? { flowEndsChatAfterSeconds: c.stated } : {}),
  };
  const created = await api.call<{ campaign: { id: string }; preflight: { counts: { valid: number }; plan?: Plan } }>({
    method: "POST",
    pathname: "/api/v1/campaigns",
    json: body,
    expect: 201,
    timeoutMs: 120_000,
  });
  if (!created.preflight.plan) throw new BenchError("the check answered without a plan");
  const id = created.campaign.id;
  const until = Date.now() + (untilObserved?.timeoutMs ?? 0);
  while (untilObserved && created.preflight.plan?.lifetime.source !== "observed") {
    if (Date.now() > until) throw new BenchError(`the console did not learn the flow's chat lifetime within ${untilObserved.timeoutMs / 1000} s`);
    await sleep(5_000);
    const again = await api.call<typeof created>({ method: "PATCH", pathname: `/api/v1/campaigns/${id}`, json: body, expect: 200, timeoutMs: 120_000 });
    created.preflight = again.preflight;
  }
  if (!created.preflight.plan) throw new BenchError("the check answered without a plan");
  await api.call({
    method: "POST",
    pathname: `/api/v1/campaigns/${id}/launch`,
    json: { confirmRecipients: created.preflight.counts.valid },
    expect: 200,
    timeoutMs: 120_000,
  });
  return { id, plan: created.preflight.plan! };
}

interface CampaignView {
  status: string;
  launchedAt: string | null;
  recipients: { pending: number; sending: number; sent: number; failed: number; skipped: number };
}

/** Waits until the campaign has no row left to send; answers how many went and how many failed. */
export async function waitDone(api: BenchApi, id: string, timeoutMs: number): Promise<CampaignView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { campaign } = await api.call<{ campaign: CampaignView }>({ method: "GET", pathname: `/api/v1/campaigns/${id}`, expect: 200, timeoutMs: 60_000 });
    if (campaign.recipients.pending + campaign.recipients.sending === 0) return campaign;
    if (Date.now() > until)
      throw new BenchError(`campaign ${id} still has ${campaign.recipients.pending + campaign.recipients.sending} rows to send after ${timeoutMs / 1000} s`);
    await sleep(500);
  }
}

/** The last send of a campaign, from its ledger. */
export async function lastSentAt(api: BenchApi, id: string): Promise<number> {
  let last = 0;
  let cursor: number | null = null;
  do {
    const pathname: string = `/api/v1/campaigns/${id}/recipients?status=sent&limit=1000${cursor ? `&cursor=${cursor}` : ""}`;
    const page: { recipients: { sentAt: string | null }[]; nextCursor: number | null } = await api.call({
      method: "GET",
      pathname,
      expect: 200,
      timeoutMs: 60_000,
    });
    for (const r of page.recipients) if (r.sentAt) last = Math.max(last, Date.parse(r.sentAt));
    cursor = page.nextCursor;
  } while (cursor);
  return last;
}
