// The events the console sent into this chat (by hand or forwarded from the inbound bridge), newest first.
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ContactEvent } from "@/lib/contacts/queries";
import { UtcTime } from "../utc-time";

const TONE: Record<string, "success" | "danger" | "info" | "neutral"> = { sent: "success", forwarded: "success", failed: "danger", queued: "info" };

export function ContactEvents({ events }: { events: ContactEvent[] }) {
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
                  <TR key={`${e.source}-${e.id}`} className="align-top" data-testid={`contact-event-${e.source}-${e.id}`}>
                    <TD className="text-xs">
                      <UtcTime at={e.at} />
                    </TD>
                    <TD className="font-mono text-xs">{e.type}</TD>
                    <TD className="font-mono text-xs">{e.contentType ?? <span className="text-muted-foreground">—</span>}</TD>
                    <TD className="max-w-md whitespace-pre-wrap break-words text-xs">{e.content ?? <span className="text-muted-foreground">—</span>}</TD>
                    <TD className="text-xs">
                      <span className="block capitalize">{e.origin}</span>
                      <span className="block text-muted-foreground">{e.by}</span>
                    </TD>
                    <TD>
                      <Badge tone={TONE[e.status] ?? "neutral"} className="capitalize">
                        {e.status}
                      </Badge>
                      {e.error ? <span className="mt-0.5 block max-w-48 text-xs text-destructive">{e.error}</span> : null}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
