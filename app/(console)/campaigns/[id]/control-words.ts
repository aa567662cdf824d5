// What cancelling or unscheduling a campaign does, in the words its confirmation shows, with the live counts when the
// page has them. Pure, so tested.
export interface LiveCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  total: number;
}

export interface ConfirmWords {
  title: string;
  body: string;
  confirmLabel: string;
}

const fmt = (n: number) => new Intl.NumberFormat("en-US").format(n);
const recipients = (n: number) => `${fmt(n)} recipient${n === 1 ? "" : "s"}`;
const named = (name: string | undefined) => (name ? `"${name}"` : "this campaign");

/** Cancel skips the rows not yet sent; sends in flight finish, and failed rows can no longer be retried. */
export function cancelWords(name: string | undefined, counts: LiveCounts | undefined): ConfirmWords {
  const title = `Cancel ${named(name)}?`;
  const confirmLabel = "Cancel campaign";
  if (!counts) return { title, confirmLabel, body: "Every recipient not yet sent will be skipped. This cannot be undone." };
  const parts: string[] = [];
  if (counts.pending > 0) {
    const notSent = counts.pending === counts.total ? `All ${recipients(counts.pending)}` : recipients(counts.pending);
    parts.push(`${notSent} not yet sent will be skipped.`);
  } else parts.push("No recipient is left waiting to be sent; the campaign just stops.");
  if (counts.sending > 0) parts.push(`The ${fmt(counts.sending)} being sent right now finish.`);
  if (counts.failed > 0) parts.push(`The ${fmt(counts.failed)} that failed can no longer be retried.`);
  parts.push("This cannot be undone.");
  return { title, confirmLabel, body: parts.join(" ") };
}

export function unscheduleWords(name: string | undefined): ConfirmWords {
  return {
    title: `Send ${named(name)} back to draft?`,
    confirmLabel: "Back to draft",
    body: "It will not start until it is launched again, and it can be edited meanwhile.",
  };
}
