import "server-only";
// The third bucket of every send: the source number's own throughput on the campaign's channel (a 10DLC long code
// sends 1 SMS a second, a WhatsApp number 80 messages). Keyed by number and channel, so every campaign on the number,
// in every process, draws from the same one.
import { defaultNumberThroughput } from "@/lib/planner/number-throughput";
import type { RunningCampaign } from "./campaign-state";
import type { DispatchContext } from "./dispatch-context";
import type { NumberLookup } from "./number-directory";
import { numberLimiterKey } from "./options";
import type { BucketSpec } from "./rate-limiter";

export interface NumberPace {
  /** Messages per second the number allows. */
  perSecond: number;
  /** Where the figure comes from, in words, for the log. */
  source: string;
}

/** The admin's figure for the number when set, else the default for its kind; an unknown kind gets the slowest common one. */
export function numberPace(channel: "sms" | "whatsapp", override: number | undefined, lookup: NumberLookup): NumberPace {
  if (override !== undefined) return { perSecond: override, source: "set in Settings → Sending" };
  const number = "found" in lookup ? lookup.found : undefined;
  const d = defaultNumberThroughput(channel, number?.type, number?.countryCode);
  return { perSecond: d.perSecond, source: `default for a ${d.label}` };
}

/**
 * Connect measures a number's rate where each request arrives, after our claim and the network. Paced at exactly the
 * rate, a send arrives early whenever the one before it was held up longer, and a 1/s number holds a single message,
 * so nothing absorbs that: `share` (0.95) leaves about 50 ms of slack a send at 1/s. The burst is one second's worth,
 * rounded down as Connect's is, at least one.
 */
export function numberBucket(arn: string, channel: string, perSecond: number, share: number): BucketSpec {
  const rate = perSecond * share;
  return { key: numberLimiterKey(arn, channel), rate, burst: Math.max(1, Math.floor(rate)) };
}

/** The bucket for a campaign's source number; logs when its pace first becomes known or changes, and why. */
export async function numberBucketFor(ctx: DispatchContext, campaign: RunningCampaign, lastLogged: { pace?: string }): Promise<BucketSpec> {
  const { instanceId, channel, sourcePhoneNumberArn: arn } = campaign.config;
  const override = ctx.capacity.numberMessagesPerSecond[arn];
  // The setting alone decides when it names the number: no need to ask Connect what kind of number it is.
  const lookup: NumberLookup = override !== undefined ? { missing: "not looked up" } : await ctx.numbers.find(instanceId, arn);
  const pace = numberPace(channel, override, lookup);
  const said = `${pace.perSecond}/s, ${pace.source}${"missing" in lookup && override === undefined ? ` (${lookup.missing}: the slow, safe rate)` : ""}`;
  if (lastLogged.pace !== said) {
    lastLogged.pace = said;
    ctx.log(`campaign ${campaign.id}: source number ${arn} sends ${channel === "sms" ? "SMS" : "WhatsApp"} at ${said}`);
  }
  return numberBucket(arn, channel, pace.perSecond, ctx.o.numberRateShare);
}
