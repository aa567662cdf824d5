// The campaign page's header says when sending starts, started and ended: a campaign launched for a later start says
// "Starts …" until it really starts, never "Launched …" as if it were sending.
import { isFinished } from "./final-figures";

interface Times {
  status: string;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface HeaderTime {
  label: "Starts" | "Started" | "Finished" | "Cancelled";
  at: string;
}

export function headerTimes(t: Times): HeaderTime[] {
  const times: HeaderTime[] = [];
  if (t.startedAt) times.push({ label: "Started", at: t.startedAt });
  else if (t.scheduledAt && (t.status === "scheduled" || t.status === "paused")) times.push({ label: "Starts", at: t.scheduledAt });
  if (t.finishedAt && isFinished(t.status)) times.push({ label: t.status === "cancelled" ? "Cancelled" : "Finished", at: t.finishedAt });
  return times;
}
