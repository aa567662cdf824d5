import "server-only";
// The WhatsApp business portfolio's daily limit, before claiming: a WhatsApp campaign claims no more rows than new
// customers may still be reached, and once none may, it waits, rows pending and attempts untouched, until the first
// customer leaves the moving window (or a minute, whichever is sooner) and the count is read again.
import type { RunningCampaign } from "./campaign-state";
import type { DispatchContext } from "./dispatch-context";

/** A customer leaves the window a moment after their time is up: look then, not just before. */
const AFTER_FREE_MS = 250;
/** Spent by sends not recorded yet: they are, within a second. */
const RECOUNT_MS = 1_000;

export type WhatsAppLimitCheck = { left: number } | { waitMs: number; reason: string };

function windowInWords(ms: number): string {
  return ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 1000)} s`;
}

/** "14:05 UTC", rounded up to the minute: never earlier than the place actually frees. */
function utcMinute(ms: number): string {
  const d = new Date(Math.ceil(ms / 60_000) * 60_000);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")} UTC`;
}

export function whatsAppLimitReason(limit: number, windowMs: number, freeAtMs: number | undefined): string {
  const what = `waiting for the WhatsApp daily limit (${limit.toLocaleString("en-US")} customers per ${windowInWords(windowMs)})`;
  return freeAtMs === undefined ? what : `${what}: more can go from ${utcMinute(freeAtMs)}`;
}

/** How many rows a campaign may claim under the daily limit, or how long it waits and why. Not WhatsApp, or unlimited: no bound. */
export async function checkWhatsAppLimit(ctx: DispatchContext, campaign: RunningCampaign, recount = false): Promise<WhatsAppLimitCheck> {
  const limit = ctx.capacity.whatsAppDailyLimit;
  if (campaign.config.channel !== "whatsapp" || limit === null) return { left: Number.POSITIVE_INFINITY };
  const { o } = ctx;
  const a = await ctx.whatsApp.allowance(ctx.db, limit, recount);
  if (a.left > 0) return { left: a.left };
  // Nobody counted yet means the sends that spent it are still being recorded: count again in a moment.
  const untilFree = a.freeAtMs === undefined ? RECOUNT_MS : a.freeAtMs + AFTER_FREE_MS - Date.now();
  return { waitMs: Math.min(o.whatsAppRecheckMs, Math.max(o.capacityFloorMs, untilFree)), reason: whatsAppLimitReason(limit, o.whatsAppWindowMs, a.freeAtMs) };
}
