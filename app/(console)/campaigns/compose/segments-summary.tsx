"use client";
// What the SMS campaign costs in segments, counted on every valid recipient's message as it will be sent: GSM-7 or
// UCS-2 (and which characters forced UCS-2), the fewest and most segments a recipient gets, and the total.
import type { SmsSegmentTallyResult } from "@/lib/messages/sms-segments";
import { formatCount } from "./format";

export function SegmentsSummary({ segments }: { segments: SmsSegmentTallyResult | undefined }) {
  if (!segments || segments.messages === 0) return null;
  const range = segments.minSegments === segments.maxSegments ? `${segments.minSegments}` : `${segments.minSegments}–${segments.maxSegments}`;
  const allUcs2 = segments.ucs2Messages === segments.messages;
  return (
    <div className="grid gap-1 text-sm" data-testid="segments-summary">
      <p>
        <span className="text-muted-foreground">SMS segments: </span>
        {range} per recipient, about <strong>{formatCount(segments.totalSegments)}</strong> in all
      </p>
      <p className="text-xs text-muted-foreground">
        {segments.ucs2Messages === 0
          ? "Every message is GSM-7 (160 characters in one segment)."
          : `${allUcs2 ? "Every message" : `${formatCount(segments.ucs2Messages)} of ${formatCount(segments.messages)} messages`} must be sent as UCS-2 (70 characters in one segment), because of: `}
        {segments.ucs2Characters.map((c) => (
          <mark
            key={c}
            className="mx-0.5 rounded bg-amber-100 px-1 text-foreground dark:bg-amber-900/40"
            title={`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`}
          >
            {c}
          </mark>
        ))}
      </p>
    </div>
  );
}
