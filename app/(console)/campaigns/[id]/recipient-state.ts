// What the recipients table says of a row: its status as a badge, and the words under it. Pure, so the rules are
// tested without a browser.
import { waitingFor, type WaitKind } from "@/lib/campaigns/waits";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const TONE: Record<string, Tone> = {
  pending: "info",
  sending: "info",
  sent: "success",
  failed: "danger",
  skipped: "neutral",
  invalid: "warning",
  duplicate: "neutral",
  suppressed: "neutral",
};

// The ledger writes the words with the kind; should they be missing, the kind alone still says what the row waits for.
const WAIT_WORDS: Record<WaitKind, string> = {
  send_window: "waiting for its send window",
  frequency_cap: "waiting for the frequency cap",
};

export interface RowStateInput {
  sendStatus: string | null;
  preflightStatus: string;
  reason: string | null;
  waitKind: WaitKind | null;
  waitReason: string | null;
}

export interface RowState {
  /** The badge's words: "Waiting" for a row held back, else its status. */
  label: string;
  tone: Tone;
  /** Set while the row waits: for what (the filter's value). */
  waitingFor: WaitKind | null;
  /** Why, in words: what it waits for and until when, why it was skipped, or why it was never sendable. */
  detail: string | null;
}

export function recipientRowState(row: RowStateInput): RowState {
  // Rows that were never sendable have no send status: their preflight status says why.
  const status = row.sendStatus ?? row.preflightStatus;
  const wait = waitingFor(row);
  if (wait) return { label: "Waiting", tone: "warning", waitingFor: wait, detail: row.waitReason ?? WAIT_WORDS[wait] };
  return { label: status.charAt(0).toUpperCase() + status.slice(1), tone: TONE[status] ?? "neutral", waitingFor: null, detail: row.reason };
}
