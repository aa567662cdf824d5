// One line of the conversation: a message as a bubble (the customer's on the left, the flow's, an agent's or a bot's
// on the right) or an event as a small centred line.
import { Badge } from "@/components/ui/badge";
import { DateTime } from "@/components/ui/date-time";
import type { TranscriptEntry } from "@/lib/chat-stream/transcript";
import { roleWord } from "@/lib/chat-stream/transcript-labels";
import { cn } from "@/lib/utils";

/** The entry as the route's JSON carries it: times as ISO strings. */
export type TranscriptEntryJson = Omit<TranscriptEntry, "at"> & { at: string };

function Origin({ e }: { e: TranscriptEntryJson }) {
  if (e.source === "stream") return null;
  return (
    <span data-testid="transcript-entry-source">
      · sent from the {e.source}
      {e.integration ? ` (${e.integration})` : ""}
    </span>
  );
}

function Failed({ e }: { e: TranscriptEntryJson }) {
  if (e.status !== "failed") return null;
  return (
    <span className="block text-destructive [overflow-wrap:anywhere]">
      <Badge tone="danger" className="mr-1">
        Not delivered to Connect
      </Badge>
      {e.error}
    </span>
  );
}

function EventLine({ e }: { e: TranscriptEntryJson }) {
  return (
    <li className="flex justify-center px-2 text-center text-xs text-muted-foreground" data-testid="transcript-event">
      <span className="[overflow-wrap:anywhere]">
        <span className="font-medium text-foreground/80">{e.label}</span> · <DateTime at={e.at} seconds /> <Origin e={e} />
        <Failed e={e} />
      </span>
    </li>
  );
}

function MessageBubble({ e }: { e: TranscriptEntryJson }) {
  const customer = e.role === "CUSTOMER";
  return (
    <li
      className={cn("flex min-w-0", customer ? "justify-start" : "justify-end")}
      data-testid={customer ? "transcript-customer-message" : "transcript-reply-message"}
    >
      <div className={cn("flex min-w-0 max-w-[85%] flex-col gap-1 sm:max-w-[70%]", customer ? "items-start" : "items-end")}>
        <div
          className={cn(
            "min-w-0 rounded-2xl px-3 py-2 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]",
            customer ? "rounded-bl-sm bg-muted text-foreground" : "rounded-br-sm bg-primary text-primary-foreground",
          )}
        >
          {e.content ??
            (e.hiddenReason ? (
              <span className="italic opacity-80" data-testid="customer-text-hidden">
                {e.hiddenReason}
              </span>
            ) : (
              <span className="italic opacity-80">No text ({e.contentType ?? "no content type"})</span>
            ))}
        </div>
        <span className={cn("text-xs text-muted-foreground [overflow-wrap:anywhere]", customer ? "text-left" : "text-right")}>
          {roleWord(e.role)} · <DateTime at={e.at} seconds /> <Origin e={e} />
          <Failed e={e} />
        </span>
      </div>
    </li>
  );
}

export function TranscriptLine({ e }: { e: TranscriptEntryJson }) {
  return e.kind === "event" ? <EventLine e={e} /> : <MessageBubble e={e} />;
}
