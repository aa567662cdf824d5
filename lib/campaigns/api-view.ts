import "server-only";
// How the automation API shows a campaign and its recipients.
import type { Campaign, CampaignRecipient } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { PreflightSummary } from "./preflight-summary";
import { campaignDeadlineView } from "./deadline-view";
import { recipientCounts } from "./queries";
import { outcomeUnknown } from "./send-outcome";
import { waitingFor } from "./waits";

export async function campaignView(db: Db, c: Campaign) {
  const counts: Record<string, number> = { total: 0, pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0, invalid: 0, duplicate: 0, suppressed: 0 };
  for (const row of await recipientCounts(db, c.id)) {
    counts.total! += row.n;
    const key = row.preflight === "valid" ? row.send : row.preflight;
    if (key) counts[key] = (counts[key] ?? 0) + row.n;
  }
  const preflight = c.preflight as PreflightSummary;
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    status: c.status,
    pauseReason: c.pauseReason,
    channel: c.channel,
    instanceId: c.instanceId,
    contactFlowId: c.contactFlowId,
    sourcePhoneNumberArn: c.sourcePhoneNumberArn,
    scheduledAt: c.scheduledAt,
    createdBy: c.createdByEmail,
    createdAt: c.createdAt,
    launchedAt: c.launchedAt,
    finishedAt: c.finishedAt,
    recipients: counts,
    blocking: preflight.blocking,
    warnings: preflight.warnings,
    plan: preflight.plan ?? null,
    // When sending stops (end time or maximum age), and after it how many recipients expired.
    deadline: await campaignDeadlineView(db, c),
  };
}

export function recipientView(r: CampaignRecipient) {
  return {
    id: r.id,
    line: r.line,
    phoneAsWritten: r.phoneRaw,
    phone: r.phone,
    name: r.name,
    preflightStatus: r.preflightStatus,
    reason: r.reason,
    duplicateOfLine: r.duplicateOfLine,
    sendStatus: r.sendStatus,
    attempts: r.attempts,
    contactId: r.contactId,
    lastError: r.lastErrorName ? { name: r.lastErrorName, message: r.lastErrorMessage } : null,
    // Failed without Connect refusing: a chat may exist; Retry failed gets it back with the same ClientToken.
    outcomeUnknown: outcomeUnknown(r),
    sentAt: r.sentAt,
    deliveredAt: r.deliveredAt,
    readAt: r.readAt,
    repliedAt: r.repliedAt,
    optedOutAt: r.optedOutAt,
    // A pending row held by its send window or a frequency cap: which, and when it may go ("opens 09:00 …").
    waitingFor: waitingFor(r),
    waitReason: waitingFor(r) ? r.waitReason : null,
    // The zone from the list's time-zone column; null when the zones come from the number.
    timeZone: r.timeZone,
  };
}
