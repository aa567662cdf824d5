// What a pending recipient can be waiting for, as the recipients filter, the CSV export and the API name it. Pure, so
// the browser builds the same query strings the routes parse.
export const WAIT_KINDS = ["send_window", "frequency_cap"] as const;
export type WaitKind = (typeof WAIT_KINDS)[number];

/** The waiting filter: one kind of wait, or either. */
export const WAITING_FILTERS = [...WAIT_KINDS, "any"] as const;
export type WaitingFilter = (typeof WAITING_FILTERS)[number];
export const WAITING_FILTER_ERROR = `waiting must be one of ${WAITING_FILTERS.join(", ")}, or left out for every recipient`;

export const WAIT_KIND_LABELS: Record<WaitKind, string> = { send_window: "Send window", frequency_cap: "Frequency cap" };

/**
 * What a row waits for. Only a pending row waits: a kind still on a row that has since moved on (claimed, sent,
 * skipped) is not a wait, and the filter leaves such a row out the same way.
 */
export function waitingFor(row: { sendStatus: string | null; waitKind: WaitKind | null }): WaitKind | null {
  return row.sendStatus === "pending" ? row.waitKind : null;
}
