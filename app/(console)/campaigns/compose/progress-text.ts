// The words and numbers of the composer's progress displays (upload, check, save). Pure, so they are tested alone.
import { formatCount, formatDuration } from "./format";
import type { WorkStage } from "./stream-call";

/** "start": sent, no progress yet; "launch": saved, now launching (the server action reports no progress). */
export type WorkPhase = "start" | WorkStage | "launch";

export interface WorkProgress {
  phase: WorkPhase;
  rows: number;
  total: number | null;
  /** Date.now() when the work began. */
  startedAt: number;
}

export const PHASE_WORDS: Record<WorkPhase, string> = {
  start: "Sending the request",
  read: "Reading rows",
  check: "Checking rows",
  store: "Saving rows",
  launch: "Launching",
};

/** Whole percent done, or null when the total is not known. */
export function percentDone(done: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((done / total) * 100)));
}

/** "1,200 of 5,000 rows", or "1,200 rows" when the total is not known. */
export function rowsText(rows: number, total: number | null): string {
  const unit = (total ?? rows) === 1 ? "row" : "rows";
  return total === null ? `${formatCount(rows)} ${unit}` : `${formatCount(rows)} of ${formatCount(total)} ${unit}`;
}

/** The server's total when it sent one, else the count the page already knows (the upload's rows). */
export function totalFor(progress: Pick<WorkProgress, "total">, expected: number | null | undefined): number | null {
  return progress.total ?? (expected !== undefined && expected !== null && expected > 0 ? expected : null);
}

export function elapsedText(startedAt: number, now: number): string {
  return `${formatDuration(Math.floor(Math.max(0, now - startedAt) / 1000))} elapsed`;
}

/** "820 KB", "15.2 MB": decimal units, as file managers show file sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** "1.2 MB of 15.2 MB sent (8%)". */
export function uploadText(sent: number, total: number): string {
  const percent = percentDone(sent, total);
  return `${formatBytes(sent)} of ${formatBytes(total)} sent${percent === null ? "" : ` (${percent}%)`}`;
}

/** "spring.csv — 1,000,000 rows, 3 columns". */
export function uploadSummary(fileName: string, rows: number, columns: number): string {
  return `${fileName} — ${formatCount(rows)} ${rows === 1 ? "row" : "rows"}, ${formatCount(columns)} ${columns === 1 ? "column" : "columns"}`;
}
