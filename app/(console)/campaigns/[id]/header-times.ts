// The campaign page's header says when sending starts, started and ended: a campaign launched for a later start says
// "Starts …" until it really starts, never "Launched …" as if it were sending. Times in UTC, as the rest of the header.
import { isFinished } from "./final-figures";

interface Times {
  status: string;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

const utc = (iso: string) => `${iso.replace("T", " ").slice(0, 16)} UTC`;

export function headerTimeWords(t: Times): string[] {
  const words: string[] = [];
  if (t.startedAt) words.push(`Started ${utc(t.startedAt)}`);
  else if (t.scheduledAt && (t.status === "scheduled" || t.status === "paused")) words.push(`Starts ${utc(t.scheduledAt)}`);
  if (t.finishedAt && isFinished(t.status)) words.push(`${t.status === "cancelled" ? "Cancelled" : "Finished"} ${utc(t.finishedAt)}`);
  return words;
}
