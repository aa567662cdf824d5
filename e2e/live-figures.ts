import type { Page } from "@playwright/test";

/** Everything the campaign page shows about where a run is, read in one go so the figures are of one moment. */
export interface PageFigures {
  at: number;
  badge: string;
  status: string;
  /** The progress card. */
  done: number;
  total: number;
  percent: number;
  sent: number;
  failed: number;
  skipped: number;
  waiting: number;
  rateShown: boolean;
  rateText: string;
  finalText: string | null;
  /** The recipients card: its eight counts and the rows it says the list has. */
  counts: Record<"pending" | "sending" | "sent" | "failed" | "skipped" | "invalid" | "duplicate" | "suppressed", number>;
  countTotal: number;
  /** The recipients table: its status line and the status each row shows. */
  tableLine: string;
  rowStatuses: string[];
}

export function readFigures(page: Page): Promise<PageFigures> {
  return page.evaluate(() => {
    const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? "";
    const num = (s: string) => Number(s.replace(/,/g, ""));
    const badge = document.querySelector('[data-testid="campaign-status"]');
    const doneWords = /^([\d,]+) of ([\d,]+) done$/.exec(text("progress-done"));
    const keys = ["pending", "sending", "sent", "failed", "skipped", "invalid", "duplicate", "suppressed"] as const;
    const counts = Object.fromEntries(keys.map((k) => [k, num(text(`count-${k}`))])) as Record<(typeof keys)[number], number>;
    return {
      at: Date.now(),
      badge: badge?.textContent?.trim() ?? "",
      status: badge?.getAttribute("data-status") ?? "",
      done: num(doneWords?.[1] ?? "NaN"),
      total: num(doneWords?.[2] ?? "NaN"),
      percent: num(text("progress-percent").replace("%", "")),
      sent: num(text("live-sent")),
      failed: num(text("live-failed")),
      skipped: num(text("live-skipped")),
      waiting: num(text("live-pending")),
      rateShown: document.querySelector('[data-testid="live-rate"]') !== null,
      rateText: text("live-rate"),
      finalText: document.querySelector('[data-testid="live-final"]') ? text("live-final") : null,
      counts,
      countTotal: num(/^([\d,]+) rows/.exec(text("count-total"))?.[1] ?? "NaN"),
      tableLine: text("recipients-status"),
      rowStatuses: [...document.querySelectorAll('[data-testid="recipient-status"]')].map((b) => b.textContent?.trim() ?? ""),
    };
  });
}

/** Every way the page's figures must agree with each other, as messages; empty when they all do. */
export function disagreements(f: PageFigures): string[] {
  const out: string[] = [];
  const say = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  const done = f.sent + f.failed + f.skipped;
  say(Number.isFinite(f.total) && f.total > 0, `the progress card shows no total ("of N done")`);
  say(done + f.waiting === f.total, `sent ${f.sent} + failed ${f.failed} + skipped ${f.skipped} + waiting ${f.waiting} ≠ total ${f.total}`);
  say(f.done === done, `"${f.done} of ${f.total} done" but sent + failed + skipped = ${done}`);
  say(f.percent === Math.floor((done / f.total) * 100), `${f.percent}% shown for ${done} of ${f.total} done`);
  const c = f.counts;
  say(
    c.sent === f.sent && c.failed === f.failed && c.skipped === f.skipped,
    `recipients card sent/failed/skipped ${c.sent}/${c.failed}/${c.skipped} ≠ progress card ${f.sent}/${f.failed}/${f.skipped}`,
  );
  say(c.pending + c.sending === f.waiting, `recipients card waiting ${c.pending} + sending ${c.sending} ≠ progress card waiting ${f.waiting}`);
  const sendable = c.pending + c.sending + c.sent + c.failed + c.skipped;
  say(sendable === f.total, `recipients card's sendable rows ${sendable} ≠ progress total ${f.total}`);
  say(
    sendable + c.invalid + c.duplicate + c.suppressed === f.countTotal,
    `recipients card rows add up to ${sendable + c.invalid + c.duplicate + c.suppressed}, but it says ${f.countTotal}`,
  );
  if (f.status === "completed") {
    say(f.waiting === 0, `"${f.badge}" while ${f.waiting} are still waiting`);
    say(!f.rateShown, `a finished campaign still shows a rate: "${f.rateText}"`);
    say(
      f.finalText !== null && f.finalText.startsWith(`Sent ${f.sent.toLocaleString("en-US")} of ${f.total.toLocaleString("en-US")}`),
      `final figures "${f.finalText}" ≠ the cards`,
    );
    const expected = [
      "Completed",
      f.failed > 0 ? `${f.failed.toLocaleString("en-US")} failed` : null,
      f.skipped > 0 ? `${f.skipped.toLocaleString("en-US")} skipped` : null,
    ]
      .filter(Boolean)
      .join(" · ");
    say(f.badge === expected, `badge "${f.badge}" ≠ "${expected}" for the figures shown`);
  } else if (f.status === "running") {
    say(f.badge === "Running", `badge "${f.badge}" while running`);
    say(f.rateShown && /sent\/s now/.test(f.rateText), `a running campaign shows no current rate`);
  }
  const shown = /^Showing ([\d,]+) recipients?/.exec(f.tableLine);
  say(shown !== null && Number(shown[1]!.replace(/,/g, "")) === f.rowStatuses.length, `table says "${f.tableLine}" but shows ${f.rowStatuses.length} rows`);
  return out;
}

/** Rows the table shows as not done yet. */
export const notDoneRows = (f: PageFigures) => f.rowStatuses.filter((s) => /^(Pending|Sending|Waiting)$/.test(s)).length;
