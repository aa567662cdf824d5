// The events the console sent into this chat (by hand or forwarded from the inbound bridge), newest first, ending with
// the request that started it when the console did.
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { DateTime } from "@/components/ui/date-time";
import type { ContactDetail } from "@/lib/contacts/detail";
import { cn } from "@/lib/utils";
import { OpeningRequestDetails } from "./opening-request";

const TONE: Record<string, "success" | "danger" | "info" | "neutral"> = { sent: "success", forwarded: "success", failed: "danger", queued: "info" };

const dash = <span className="text-muted-foreground">—</span>;

type ContactEvent = ContactDetail["events"][number];

function EventRow({ e, flowName }: { e: ContactEvent; flowName: string | null }) {
  const start = e.source === "start";
  const attempts = e.opening?.attempts;
  return (
    <TR
      className={cn("align-top", start && "border-l-2 border-l-primary bg-muted/30")}
      data-testid={start ? "contact-event-start" : `contact-event-${e.source}-${e.id}`}
    >
      <TD className="text-xs">
        <DateTime at={e.at} seconds />
      </TD>
      <TD className="font-mono text-xs">
        {start ? (
          <Badge tone="info" className="mb-1 font-sans" data-testid="contact-event-start-badge">
            Start of chat
          </Badge>
        ) : null}
        <span className="block">{e.type}</span>
      </TD>
      <TD className="font-mono text-xs break-all" data-testid={start ? "contact-event-start-content-type" : undefined}>
        {e.contentType ?? dash}
      </TD>
      <TD className="max-w-md text-xs">
        <span className="block whitespace-pre-wrap break-words" data-testid={start ? "contact-event-start-content" : undefined}>
          {e.content ??
            (e.hiddenReason ? (
              <span className="italic text-muted-foreground" data-testid="customer-text-hidden">
                {e.hiddenReason}
              </span>
            ) : start && e.opening?.request ? (
              <span className="text-muted-foreground">No initial message</span>
            ) : (
              dash
            ))}
        </span>
        {start && e.opening ? <OpeningRequestDetails request={e.opening.request} flowName={flowName} /> : null}
      </TD>
      <TD className="text-xs">
        <span className="block first-letter:uppercase">{e.origin}</span>
        <span className="block text-muted-foreground">{e.by}</span>
      </TD>
      <TD>
        <Badge tone={TONE[e.status] ?? "neutral"} className="capitalize">
          {e.status}
        </Badge>
        {attempts ? (
          <span className="mt-0.5 block text-xs text-muted-foreground" data-testid="contact-event-start-attempts">
            {attempts === 1 ? "1 attempt" : `${attempts} attempts`}
          </span>
        ) : null}
        {e.error ? <span className="mt-0.5 block max-w-48 text-xs text-destructive">{e.error}</span> : null}
      </TD>
    </TR>
  );
}

export function ContactEvents({ events, flowName = null }: { events: ContactEvent[]; flowName?: string | null }) {
  return (
    <Card data-testid="contact-events">
      <CardHeader>
        <CardTitle>Events sent into this chat</CardTitle>
      </CardHeader>
      <CardContent>
        {events.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="contact-events-empty">
            The console has sent no events into this chat.
          </p>
        ) : (
          <div className="rounded-lg border border-border">
            <Table aria-label="Events sent into this chat">
              <THead>
                <tr>
                  <TH>When</TH>
                  <TH>Type</TH>
                  <TH>Content type</TH>
                  <TH>Content</TH>
                  <TH>Origin</TH>
                  <TH>Status</TH>
                </tr>
              </THead>
              <TBody>
                {events.map((e) => (
                  <EventRow key={`${e.source}-${e.id}`} e={e} flowName={flowName} />
                ))}
              </TBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
