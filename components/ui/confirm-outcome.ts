// What a confirmed action came to, for the confirmation dialog: done, an error to show in the dialog, or a second
// question. A call that throws (the connection dropped, the server restarted) ends in a message too, never in a
// dialog stuck on its pending label.
export type ConfirmOutcome<Next> = { ok: true } | { ok: false; error: { message: string } } | { next: Next };

export type Settled<Next> = { kind: "done" } | { kind: "error"; message: string } | { kind: "next"; next: Next };

const UNANSWERED = "The server did not answer. Check the connection and try again.";

export async function settle<Next>(action: () => Promise<ConfirmOutcome<Next>>): Promise<Settled<Next>> {
  let outcome: ConfirmOutcome<Next>;
  try {
    outcome = await action();
  } catch (err) {
    return { kind: "error", message: err instanceof Error && err.message ? `${UNANSWERED} (${err.message})` : UNANSWERED };
  }
  if ("next" in outcome) return { kind: "next", next: outcome.next };
  return outcome.ok ? { kind: "done" } : { kind: "error", message: outcome.error.message };
}
