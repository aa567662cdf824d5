// The capacity plan in the composer's sentences: how long sending takes, when it ends in the reader's own time zone,
// where a chat's lifetime came from, and which what-ifs are worth a line.
import type { CampaignPlan } from "@/lib/campaigns/campaign-plan";
import { formatDuration } from "@/lib/planner/duration-words";
import type { ChatLifetime } from "@/lib/planner/types";
import { approxPerHour, formatCount, lifetimeWords } from "@/lib/planner/words";

/** "Tue 7 Dec, 05:12" in `timeZone`; the year joins when it is not the year of `now` there. */
export function formatWhen(at: Date, timeZone: string, now: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError("formatWhen needs a valid date");
  const parts = (d: Date) =>
    Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        weekday: "short",
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .formatToParts(d)
        .map((p) => [p.type, p.value]),
    ) as Record<string, string>;
  const p = parts(at);
  const year = p.year !== parts(now).year ? ` ${p.year}` : "";
  return `${p.weekday} ${p.day} ${p.month}${year}, ${p.hour}:${p.minute}`;
}

/** A moment with the zone it is told in: "Tue 7 Dec, 05:12 (Europe/Berlin)". */
export function formatWhenInZone(at: Date, timeZone: string, now: Date): string {
  return `${formatWhen(at, timeZone, now)} (${timeZone})`;
}

/**
 * The plan in one line: "Sending takes ~19 h · ends Tue 7 Dec, 05:12 (Europe/Berlin)", with the start first when it
 * is later than the moment of planning. Null for a plan that cannot finish: its reason says more than a duration.
 */
export function planHeadline(plan: Pick<CampaignPlan, "seconds" | "startsAt" | "endsAt" | "input">, timeZone: string): string | null {
  if (plan.seconds === null || plan.endsAt === null) return null;
  const now = new Date(plan.input.now);
  const takes = `takes ${takesWords(plan.seconds)} · ends ${formatWhenInZone(new Date(plan.endsAt), timeZone, now)}`;
  const startsAt = new Date(plan.startsAt);
  return startsAt.getTime() - now.getTime() > 60_000 ? `Starts ${formatWhen(startsAt, timeZone, now)} · sending ${takes}` : `Sending ${takes}`;
}

/** What governs the plan: "Pace set by the chat capacity: 500 chats of ~60 min → ~500 recipients per hour". */
export function paceWords(plan: Pick<CampaignPlan, "binding" | "bindingWords">): string {
  if (plan.binding === "none") return plan.bindingWords.charAt(0).toUpperCase() + plan.bindingWords.slice(1);
  return `Pace set by the ${plan.bindingWords}`;
}

/** How long sending takes: "under a second", "45 min", "~19 h". */
export function takesWords(seconds: number): string {
  return seconds < 0.5 ? "under a second" : formatDuration(seconds);
}

/** An estimate said as one: "~2 h 5 min", never "~~19 h". */
export function approxDuration(seconds: number): string {
  const words = takesWords(seconds);
  return words.startsWith("~") || words === "under a second" ? words : `~${words}`;
}

/** How long each chat holds a slot of the quota, and on whose word. */
export function lifetimeSourceWords(lifetime: ChatLifetime): string {
  switch (lifetime.source) {
    case "duration":
      return `Each chat holds a slot for ${lifetimeWords(lifetime.seconds)}: the chat duration.`;
    case "observed":
      return `Each chat holds a slot for ${lifetimeWords(lifetime.seconds)}: how long this flow's recent chats lasted.`;
    case "stated": {
      // The user's own figure, said back exactly while it is small enough to read in seconds.
      const said = lifetime.seconds < 120 ? `${formatCount(lifetime.seconds)} s` : formatDuration(lifetime.seconds);
      return `Each chat holds a slot for ${said}: you said the flow ends chats.`;
    }
  }
}

export interface WhatIfLine {
  label: string;
  outcome: string;
}

const outcomeWords = (seconds: number | null) => (seconds === null ? "cannot finish" : takesWords(seconds));

/**
 * The what-ifs that would change what the reader sees: one whose outcome reads the same as the plan's ("~19 h" both
 * ways) is no change, and is left out.
 */
export function changingWhatIfs(plan: Pick<CampaignPlan, "seconds" | "whatIf">): WhatIfLine[] {
  const current = outcomeWords(plan.seconds);
  return plan.whatIf
    .filter((w) => w.seconds !== plan.seconds && outcomeWords(w.seconds) !== current)
    .map((w) => ({ label: w.label, outcome: outcomeWords(w.seconds) }));
}

/** A ceiling's hourly figure: "~500 per hour", or "no limit" for a ceiling that allows anything. */
export function perHourWords(perHour: number): string {
  return Number.isFinite(perHour) ? `${approxPerHour(perHour)} per hour` : "no limit";
}
