// Refuses plan inputs that cannot describe a real campaign, naming the field, so a bad figure never becomes a plan.
import type { PlanInput } from "./types";

export class PlanInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "PlanInputError";
  }
}

function atLeastZero(field: string, value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) throw new PlanInputError(field, `must be a finite number of 0 or more (got ${value})`);
}

function aboveZero(field: string, value: number | undefined): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw new PlanInputError(field, `must be a finite number above 0 (got ${value})`);
}

function whole(field: string, value: number | undefined): void {
  atLeastZero(field, value);
  if (value !== undefined && !Number.isInteger(value)) throw new PlanInputError(field, `must be a whole number (got ${value})`);
}

function date(field: string, value: Date | undefined, required = false): void {
  if (value === undefined && !required) return;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new PlanInputError(field, "must be a valid date");
}

export function validatePlanInput(input: PlanInput): void {
  date("now", input.now, true);
  whole("recipients", input.recipients);
  date("startsAt", input.startsAt);
  if (input.channel !== "sms" && input.channel !== "whatsapp")
    throw new PlanInputError("channel", `must be "sms" or "whatsapp" (got ${String(input.channel)})`);
  atLeastZero("accountRate", input.accountRate);
  atLeastZero("campaignRate", input.campaignRate);
  atLeastZero("numberPerSecond", input.numberPerSecond);
  whole("chatQuota", input.chatQuota);
  whole("openChats", input.openChats);
  aboveZero("existingChatsEndWithinSeconds", input.existingChatsEndWithinSeconds);
  if (!input.lifetime) throw new PlanInputError("lifetime", "is required");
  aboveZero("lifetime.seconds", input.lifetime.seconds);
  if (!["duration", "observed", "stated"].includes(input.lifetime.source)) {
    throw new PlanInputError("lifetime.source", `must be "duration", "observed" or "stated" (got ${String(input.lifetime.source)})`);
  }
  aboveZero("endedAfterSendingSeconds", input.endedAfterSendingSeconds);
  input.campaignOpenChatAges?.forEach((age, i) => atLeastZero(`campaignOpenChatAges[${i}]`, age));
  input.campaignOpenChatHistogram?.forEach((bar, i) => {
    atLeastZero(`campaignOpenChatHistogram[${i}].ageSeconds`, bar.ageSeconds);
    whole(`campaignOpenChatHistogram[${i}].count`, bar.count);
  });
  input.otherCampaigns?.forEach((c, i) => {
    atLeastZero(`otherCampaigns[${i}].remaining`, c.remaining);
    date(`otherCampaigns[${i}].startsAt`, c.startsAt);
  });
  input.windows?.forEach((w, i) => {
    date(`windows[${i}].start`, w.start, true);
    date(`windows[${i}].end`, w.end, true);
    if (w.end.getTime() <= w.start.getTime()) throw new PlanInputError(`windows[${i}]`, "must end after it starts");
  });
  const limit = input.whatsappDailyLimit;
  if (limit !== undefined && limit !== "unlimited") whole("whatsappDailyLimit", limit);
  input.priorSendsLast24h?.forEach((p, i) => {
    date(`priorSendsLast24h[${i}].at`, p.at, true);
    if (p.at.getTime() > input.now.getTime()) throw new PlanInputError(`priorSendsLast24h[${i}].at`, "is after now: only past sends count");
    whole(`priorSendsLast24h[${i}].count`, p.count);
    atLeastZero(`priorSendsLast24h[${i}].spanSeconds`, p.spanSeconds);
  });
}
