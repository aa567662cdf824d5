// Each ceiling as a row for supervisors: what it allows per hour on its own, in one sentence.
import { formatDuration } from "./duration-words";
import type { Resolved } from "./fluid-input";
import { openSeconds, type Span } from "./send-windows";
import type { Ceiling, CeilingKind, PlanInput } from "./types";
import { approxPerHour, formatCount, formatRate, lifetimeWords, plural } from "./words";

const LABELS: Record<CeilingKind, string> = {
  "account-rate": "account rate",
  "campaign-rate": "campaign rate",
  "number-throughput": "number throughput",
  "chat-capacity": "chat capacity",
  "whatsapp-daily-limit": "WhatsApp daily limit",
  "send-windows": "send windows",
};

export const ceilingLabel = (kind: CeilingKind) => LABELS[kind];

type Row = Omit<Ceiling, "binding">;

const row = (kind: CeilingKind, perHour: number, detail: string, unit = "per hour"): Row => ({
  kind,
  label: LABELS[kind],
  perHour,
  words: `${LABELS[kind]}: ${detail} → ${approxPerHour(perHour)} ${unit}`,
});

function lifetimePhrase(input: PlanInput, r: Resolved): string {
  const life = lifetimeWords(r.lifetime);
  if (r.lifetime !== input.lifetime.seconds || input.lifetime.source === "stated") return `${life}, as the flow ends them after sending`;
  return input.lifetime.source === "observed" ? `${life} (as observed for this flow)` : life;
}

function rateRows(r: Resolved, sharing: number): Row[] {
  const shared = sharing > 1 ? ` shared by ${sharing} campaigns` : "";
  const rows = [row("account-rate", (r.accountRate * 3_600) / sharing, `${formatRate(r.accountRate)} ${plural(r.accountRate, "start", "starts")}/s${shared}`)];
  if (r.campaignRate !== null)
    rows.push(row("campaign-rate", r.campaignRate * 3_600, `${formatRate(r.campaignRate)} ${plural(r.campaignRate, "send", "sends")}/s`));
  const n = r.number;
  const messages = `${formatRate(n.perSecond)} ${plural(n.perSecond, "message", "messages")}/s`;
  rows.push(row("number-throughput", n.perSecond * 3_600, n.overridden ? `${messages} set for this number` : `${n.label}, ${messages}`));
  return rows;
}

function windowsDetail(windows: readonly Span[], start: number, open: number, span: number): string {
  if (span > 0) return `open ${formatDuration(open)} of the ${formatDuration(span)} from start to end`;
  const next = windows.find((w) => w.end > start);
  if (!next) return "none open from the start on";
  return next.start <= start ? "open at the start" : `the first opens ${formatDuration(next.start - start)} after the start`;
}

/** Every ceiling in force, flagged where it binds. `end` is when sending ends (or stops), in seconds from now. */
export function ceilingRows(input: PlanInput, r: Resolved, sharing: number, binding: CeilingKind | "none", end: number): Ceiling[] {
  const rows = rateRows(r, sharing);
  const open = r.openChats > 0 ? `, ${formatCount(r.openChats)} open now` : "";
  const chats = `${formatCount(r.chatQuota)} ${plural(r.chatQuota, "chat", "chats")} of ${lifetimePhrase(input, r)}${open}`;
  rows.push(row("chat-capacity", (r.chatQuota * 3_600) / r.lifetime, chats, "recipients per hour"));
  if (r.whatsappLimit !== null) {
    const used = r.whatsappUsed >= 0.5 ? `, ${formatCount(r.whatsappUsed)} reached in the last 24 h` : "";
    rows.push(row("whatsapp-daily-limit", r.whatsappLimit / 24, `${formatCount(r.whatsappLimit)} customers per 24 h${used}`));
  }
  if (r.windows) {
    // Beside the other ceilings the windows take a share of the time: the best hourly figure times the open share.
    const best = Math.min(...rows.map((c) => c.perHour));
    const span = Math.max(0, end - r.start);
    const open = openSeconds(r.windows, r.start, r.start + span);
    const share = span > 0 ? open / span : r.windows.some((w) => w.start <= r.start && w.end > r.start) ? 1 : 0;
    rows.push(row("send-windows", best * share, windowsDetail(r.windows, r.start, open, span)));
  }
  return rows.map((c) => ({ ...c, binding: c.kind === binding }));
}
