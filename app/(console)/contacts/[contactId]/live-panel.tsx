// "What Connect says now": a fresh DescribeContact, or why it could not be asked and what was last stored instead.
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { ContactDetails, ContactEndpoint } from "@/lib/connect/types";
import type { ContactRow } from "@/lib/contacts/queries";
import { Facts } from "./facts";

/** A SegmentAttributes value as text: the scalar when there is one, JSON otherwise. */
function segmentValue(v: unknown): string {
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.ValueString === "string") return o.ValueString;
    if (typeof o.ValueInteger === "number") return String(o.ValueInteger);
    if (typeof o.ValueArn === "string") return o.ValueArn;
  }
  return JSON.stringify(v);
}

function Pairs({ entries, testId }: { entries: [string, string][]; testId: string }) {
  if (entries.length === 0) return <span className="text-muted-foreground">None</span>;
  return (
    <ul className="grid gap-0.5 font-mono text-xs" data-testid={testId}>
      {entries.map(([k, v]) => (
        <li key={k} className="break-all">
          <span className="text-muted-foreground">{k}</span> = {v}
        </li>
      ))}
    </ul>
  );
}

function Endpoint({ e, address }: { e?: ContactEndpoint; address?: string }) {
  const shown = e?.address ?? address;
  if (!shown) return null;
  return (
    <span className="font-mono text-xs">
      {shown}
      {e?.type ? <span className="text-muted-foreground"> ({e.type})</span> : null}
      {e?.displayName ? <span className="font-sans"> · {e.displayName}</span> : null}
    </span>
  );
}

function LiveFacts({ live: l }: { live: ContactDetails }) {
  return (
    <Facts
      testId="contact-live-facts"
      items={[
        ["Initiation method", l.initiationMethod],
        ["Initiated at", <DateTime key="initiated" at={l.initiatedAt} seconds />],
        ["Last update", <DateTime key="updated" at={l.lastUpdatedAt} seconds />],
        ["Disconnected at", <DateTime key="disconnected" at={l.disconnectedAt} seconds empty="Still open" />],
        ["Disconnect reason", l.disconnectReason],
        ["Channel", [l.channel, l.subtype].filter(Boolean).join(" · ")],
        ["Customer endpoint", <Endpoint key="customer" e={l.customerEndpoint} address={l.customerAddress} />],
        ["System endpoint", <Endpoint key="system" e={l.systemEndpoint} address={l.systemAddress} />],
        ["Related contact", l.relatedContactId ? <span className="font-mono text-xs">{l.relatedContactId}</span> : null],
        [
          "Segment attributes",
          <Pairs key="segment" testId="contact-segment-attributes" entries={Object.entries(l.segmentAttributes ?? {}).map(([k, v]) => [k, segmentValue(v)])} />,
        ],
        ["Attributes", <Pairs key="attributes" testId="contact-attributes" entries={Object.entries(l.attributes)} />],
      ]}
    />
  );
}

function StoredFacts({ contact: c }: { contact: ContactRow }) {
  return (
    <div className="grid gap-3">
      <Facts
        items={[
          ["Initiation method", c.initiationMethod],
          ["Initiated at", <DateTime key="initiated" at={c.initiatedAt} seconds />],
          ["Disconnected at", <DateTime key="disconnected" at={c.disconnectedAt} seconds />],
          ["Disconnect reason", c.disconnectReason],
          ["Last checked", <DateTime key="checked" at={c.lastCheckedAt} relative empty="Never" />],
        ]}
      />
      {c.details ? (
        <details>
          <summary className="cursor-pointer text-sm text-muted-foreground">Connect&apos;s last stored answer</summary>
          <pre tabIndex={0} aria-label="Contact details from Connect" className="mt-2 max-h-80 overflow-auto rounded-md bg-muted p-3 text-xs">
            {JSON.stringify(c.details, null, 2)}
          </pre>
        </details>
      ) : null}
    </div>
  );
}

export function LivePanel({ live, liveError, contact }: { live: ContactDetails | null; liveError: string | null; contact: ContactRow }) {
  return (
    <Card data-testid="contact-live">
      <CardHeader>
        <CardTitle>What Connect says now</CardTitle>
        <CardDescription>
          {live ? "DescribeContact, asked as this page loaded." : "Amazon Connect could not be asked; these are the last details the console stored."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {live ? (
          <LiveFacts live={live} />
        ) : (
          <>
            <Alert tone="warning" data-testid="contact-live-error">
              {liveError}
            </Alert>
            <StoredFacts contact={contact} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
