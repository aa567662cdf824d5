// Frequency caps across campaigns: "at most N contacts per number in W hours", as rules. Pure: shared by the settings
// form, the composer, the action, the API, preflight and the dispatcher.
import { z } from "zod";
import { MAX_RULES, MAX_WINDOW_HOURS } from "./frequency-cap-rules";

export * from "./frequency-cap-rules";

export const FREQUENCY_CAP_REASON = "frequency cap";

export const frequencyCapRuleSchema = z.object({
  count: z.coerce.number({ error: "Enter how many contacts" }).int("Use a whole number").min(1, "At least 1").max(1_000, "At most 1,000"),
  windowHours: z.coerce
    .number({ error: "Enter hours" })
    .int("Use whole hours")
    .min(1, "At least 1 hour")
    .max(MAX_WINDOW_HOURS, `At most ${MAX_WINDOW_HOURS} hours (90 days)`),
  // skip: the row is skipped with reason "frequency cap"; wait: it is sent once the oldest counted contact leaves the window.
  whenCapped: z.enum(["skip", "wait"], { error: "Choose skip or wait" }).default("skip"),
});

export type FrequencyCapRule = z.output<typeof frequencyCapRuleSchema>;

export const frequencyCapRulesSchema = z
  .array(frequencyCapRuleSchema)
  .max(MAX_RULES, `At most ${MAX_RULES} rules`)
  .superRefine((rules, ctx) => {
    const seen = new Set<number>();
    rules.forEach((r, i) => {
      if (seen.has(r.windowHours)) ctx.addIssue({ code: "custom", path: [i, "windowHours"], message: `Two rules count over ${r.windowHours} hours: keep one` });
      seen.add(r.windowHours);
    });
  });

export const frequencyCapsSchema = z.object({ rules: frequencyCapRulesSchema });
export type FrequencyCapsInput = z.input<typeof frequencyCapsSchema>;
export interface FrequencyCaps {
  rules: FrequencyCapRule[];
}

export const NO_FREQUENCY_CAPS: FrequencyCaps = { rules: [] };

/** The campaign's side: "exempt" (service notices) ignores every cap; its own rules apply on top of the settings'. */
export interface CampaignCapChoice {
  frequencyCap?: "default" | "exempt";
  frequencyCapRules?: FrequencyCapRule[];
}

/** Every rule that applies to a campaign: the settings' and the campaign's own, each on its own. None when exempt. */
export function rulesForCampaign(setting: FrequencyCaps, campaign: CampaignCapChoice): FrequencyCapRule[] {
  if (campaign.frequencyCap === "exempt") return [];
  return [...setting.rules, ...(campaign.frequencyCapRules ?? [])];
}

const HOUR_MS = 3_600_000;

export type CapVerdict = { capped: false } | { capped: true; action: "skip" | "wait"; untilMs: number; rule: FrequencyCapRule };

/**
 * Whether one more contact now would break a rule. `contactTimesMs` are the number's earlier contacts (any order);
 * `inFlight` sends not yet recorded count as contacts made now. A rule allows a contact while fewer than `count`
 * contacts lie inside the window (created after now − window). When capped: skip if any broken rule says skip, else
 * wait until every broken rule allows one more, i.e. until enough of the oldest counted contacts have left their windows.
 */
export function capVerdict(rules: readonly FrequencyCapRule[], contactTimesMs: readonly number[], inFlight: number, nowMs: number): CapVerdict {
  let until = -Infinity;
  let binding: FrequencyCapRule | undefined;
  let skip = false;
  for (const rule of rules) {
    const windowMs = rule.windowHours * HOUR_MS;
    const inWindow = contactTimesMs
      .filter((t) => t > nowMs - windowMs)
      .concat(Array<number>(inFlight).fill(nowMs))
      .sort((a, b) => a - b);
    if (inWindow.length < rule.count) continue;
    // One more is allowed once count - 1 remain: the (n - count + 1)-th oldest must have left.
    const untilMs = inWindow[inWindow.length - rule.count]! + windowMs;
    skip ||= rule.whenCapped === "skip";
    if (untilMs > until) [until, binding] = [untilMs, rule];
  }
  return binding ? { capped: true, action: skip ? "skip" : "wait", untilMs: until, rule: binding } : { capped: false };
}

/** The longest window among the rules, in hours: how far back contacts need reading. */
export const longestWindowHours = (rules: readonly FrequencyCapRule[]) => rules.reduce((m, r) => Math.max(m, r.windowHours), 0);
