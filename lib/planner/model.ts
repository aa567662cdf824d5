// Capacity planner: how long a campaign takes from its start to its last send, which ceiling holds it back, and what
// would change that. Pure functions of plain data (no database, no clock, no environment), so preflight, the API and
// the browser all use the same model.
//
// The campaign is a fluid: at every moment it sends at the lowest of what each ceiling allows —
//  • its turn at the account's StartOutboundChatContact rate (campaigns running together share it evenly, and whatever
//    one cannot use goes to the others), its own rate setting, its source number's throughput;
//  • the concurrent chat quota: every chat holds a slot for its lifetime, so once the quota is full a chat starts only
//    when one ends (the first min(quota, rate × lifetime) go at the rate, then waves of a quota's worth per lifetime);
//  • the WhatsApp daily limit: a customer reached holds a place in the rolling 24 h for 24 h;
//  • the start time and the send windows.
// Rates change only at events, so the run goes from event to event (fluid-run.ts) and skips whole periods of steady
// waves (steady-jump.ts): a million recipients over many days cost the same few thousand steps at most.
import { ceilingLabel, ceilingRows } from "./ceilings";
import { runFluid, MAX_PLAN_SECONDS, type FluidResult } from "./fluid-run";
import { toFluidInput, type Resolved, type Variant } from "./fluid-input";
import { sampleTimeline } from "./timeline";
import type { CeilingKind, Plan, PlanInput } from "./types";
import { validatePlanInput } from "./validate-input";
import { whatIfVariants } from "./what-if";
import { formatCount, plural } from "./words";

interface Outcome {
  resolved: Resolved;
  result: FluidResult | null;
  /** Seconds from now when sending ends (or stops for good). */
  end: number;
  binding: CeilingKind | "none";
  blockedBy: Plan["blockedBy"];
}

// Ceilings that stop a campaign before it starts: a zero where a rate or a capacity should be.
function zeroCeiling(r: Resolved): Plan["blockedBy"] {
  if (r.accountRate === 0) return { kind: "account-rate", reason: "the account allows no StartOutboundChatContact calls (0 per second)" };
  if (r.campaignRate === 0) return { kind: "campaign-rate", reason: "the campaign's send rate is 0 per second" };
  if (r.number.perSecond === 0) return { kind: "number-throughput", reason: "the source number allows 0 messages per second" };
  if (r.chatQuota === 0) return { kind: "chat-capacity", reason: "the instance allows no concurrent chats (quota 0)" };
  if (r.whatsappLimit === 0) return { kind: "whatsapp-daily-limit", reason: "the WhatsApp daily limit is 0 customers" };
  return null;
}

function stopReason(kind: CeilingKind, remaining: number, tooLong: boolean): string {
  const left = `${formatCount(remaining)} ${plural(remaining, "recipient", "recipients")}`;
  if (tooLong) return `at this pace sending would take more than ${MAX_PLAN_SECONDS / (365 * 86_400)} years (${left} still to send then)`;
  if (kind === "send-windows") return `the send windows close with ${left} still to send`;
  return `the ${ceilingLabel(kind)} never lets the last ${left} go out`;
}

function mostSeconds(secondsBy: Partial<Record<CeilingKind, number>>): CeilingKind | "none" {
  let best: CeilingKind | "none" = "none";
  let most = 0;
  for (const [kind, seconds] of Object.entries(secondsBy) as [CeilingKind, number][]) {
    if (seconds <= most) continue;
    best = kind;
    most = seconds;
  }
  return best;
}

function outcome(input: PlanInput, variant: Variant): Outcome {
  const { fluid, resolved } = toFluidInput(input, variant);
  if (input.recipients === 0) return { resolved, result: null, end: resolved.start, binding: "none", blockedBy: null };
  const zero = zeroCeiling(resolved);
  if (zero) return { resolved, result: null, end: resolved.start, binding: zero.kind, blockedBy: zero };
  const result = runFluid(fluid);
  if (result.blocked) {
    const { kind, remaining, tooLong } = result.blocked;
    const end = result.times[result.times.length - 1] ?? resolved.start;
    return { resolved, result, end, binding: kind, blockedBy: { kind, reason: stopReason(kind, remaining, tooLong) } };
  }
  return { resolved, result, end: result.end ?? resolved.start, binding: mostSeconds(result.secondsBy), blockedBy: null };
}

const secondsOf = (o: Outcome) => (o.blockedBy ? null : Math.round(o.end - o.resolved.start));

/** Plans the campaign; throws PlanInputError when the input cannot describe a real campaign. */
export function planCampaign(input: PlanInput): Plan {
  validatePlanInput(input);
  const o = outcome(input, {});
  const r = o.resolved;
  const sharing = o.result?.mostSharing ?? 1;
  const ceilings = ceilingRows(input, r, sharing, o.binding, o.end);
  const bindingWords = o.blockedBy
    ? `blocked: ${o.blockedBy.reason}`
    : o.binding === "none"
      ? "nothing to send, so no ceiling applies"
      : (ceilings.find((c) => c.binding)?.words ?? ceilingLabel(o.binding));
  const whatIf = whatIfVariants(input, r, o.binding, sharing).map((w) => ({ label: w.label, seconds: secondsOf(outcome(input, w.variant)) }));
  const seconds = secondsOf(o);
  const times = o.result?.times ?? [r.start];
  const sent = o.result?.sent ?? [0];
  return {
    seconds,
    startsAt: new Date(r.nowMs + Math.round(r.start * 1000)),
    endsAt: seconds === null ? null : new Date(r.nowMs + Math.round(o.end * 1000)),
    binding: o.binding,
    bindingWords,
    blockedBy: o.blockedBy,
    ceilings,
    whatIf,
    timeline: sampleTimeline(times, sent, r.nowMs, r.start, o.end),
  };
}
