// The campaign's open chats (as reconciliation last found them, against the concurrent chat quota) and its replies.
import type { ReactNode } from "react";
import Link from "next/link";
import { DateTime } from "@/components/ui/date-time";
import type { ActivityResponse } from "./activity-api";

const fmt = (n: number) => n.toLocaleString("en-US");

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md border border-border p-2">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function checkedLine(c: ActivityResponse["chats"]): ReactNode {
  if (c.reconcileEverySeconds === 0) return "Reconciliation with Connect is off (RECONCILE_SECONDS=0): chats that ended still count as open.";
  if (!c.lastCheckedAt) return c.open + c.ended + c.unknown === 0 ? "No chat of this campaign yet." : "Not checked with Connect yet.";
  return (
    <>
      Last checked with Connect <DateTime at={c.lastCheckedAt} relative />; open chats are checked again every few minutes.
    </>
  );
}

export function OpenChatsFigures({ chats: c }: { chats: ActivityResponse["chats"] }) {
  const share = c.quota > 0 ? Math.min(100, Math.round((c.instanceOpen / c.quota) * 100)) : 0;
  return (
    <div className="grid gap-3">
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <Figure label="Open now" value={fmt(c.open)} testId="open-chats-count" />
        <Figure label="Ended" value={fmt(c.ended)} testId="open-chats-ended" />
        <Figure label="Unknown to Connect" value={fmt(c.unknown)} testId="open-chats-unknown" />
      </dl>
      <div className="grid gap-1">
        <div
          role="meter"
          aria-label="Open chats on this instance against the concurrent chat quota"
          aria-valuemin={0}
          aria-valuemax={c.quota}
          aria-valuenow={c.instanceOpen}
          className="h-2 w-full rounded-full bg-muted"
        >
          <div className={`h-2 rounded-full ${share >= 90 ? "bg-destructive" : share >= 70 ? "bg-warning" : "bg-primary"}`} style={{ width: `${share}%` }} />
        </div>
        <p className="text-sm" data-testid="open-chats-quota">
          {fmt(c.instanceOpen)} of {fmt(c.quota)} concurrent chats open on this instance ({share}% of the quota, every chat the console knows of)
        </p>
      </div>
      <p className="text-xs text-muted-foreground" data-testid="open-chats-checked">
        {checkedLine(c)}
      </p>
    </div>
  );
}

export function RepliesFigures({ campaignId, replies: r, sent }: { campaignId: string; replies: ActivityResponse["replies"]; sent: number }) {
  const rate = sent > 0 ? `${((r.recipients / sent) * 100).toFixed(1)}% of sent` : "—";
  return (
    <div className="grid gap-3">
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <Figure label="Recipients who replied" value={fmt(r.recipients)} testId="replies-recipients" />
        <Figure label="Reply rate" value={rate} testId="replies-rate" />
        <Figure label="Replies in all" value={fmt(r.replies)} testId="replies-total" />
      </dl>
      {r.recipients > 0 ? (
        <Link href={`/campaigns/${campaignId}?replied=yes#recipients`} className="text-sm text-primary hover:underline" data-testid="replies-filter-link">
          Show the recipients who replied
        </Link>
      ) : (
        <p className="text-xs text-muted-foreground">Replies appear here as customers answer on the campaign&apos;s number.</p>
      )}
    </div>
  );
}
