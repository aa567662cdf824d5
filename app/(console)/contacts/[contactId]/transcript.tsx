"use client";
// The conversation card: the chat as Connect streamed it, with what the console sent into it, its receipts and whether
// (and why not) it is streamed. Polled while the chat is open, so new messages appear without a reload.
import { useInfiniteQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { LoadMore } from "@/components/load-more";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { ContactTranscript } from "@/lib/chat-stream/transcript-load";
import type { StreamState } from "@/lib/chat-stream/transcript-status";
import { TranscriptLine, type TranscriptEntryJson } from "./transcript-entry";

/** The route's answer as JSON: times as ISO strings. */
export type ContactTranscriptJson = Omit<ContactTranscript, "entries" | "deliveredAt" | "readAt" | "disconnectedAt" | "stream"> & {
  entries: TranscriptEntryJson[];
  deliveredAt: string | null;
  readAt: string | null;
  disconnectedAt: string | null;
  stream: Omit<ContactTranscript["stream"], "nextAttemptAt"> & { nextAttemptAt: string | null };
};

const POLL_MS = 3_000;

const STREAM_TONE: Record<StreamState, "success" | "info" | "danger" | "neutral"> = {
  started: "success",
  starting: "info",
  failed: "danger",
  not_streamed: "neutral",
};
const STREAM_BADGE: Record<StreamState, string> = { started: "Streamed", starting: "Stream starting", failed: "Stream failed", not_streamed: "Not streamed" };

function Receipts({ t }: { t: ContactTranscriptJson }) {
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs" data-testid="transcript-receipts">
      <div className="flex flex-wrap gap-1">
        <dt className="text-muted-foreground">Delivered</dt>
        <dd>
          <DateTime at={t.deliveredAt} seconds empty="No receipt yet" />
        </dd>
      </div>
      <div className="flex flex-wrap gap-1">
        <dt className="text-muted-foreground">Read</dt>
        <dd>
          <DateTime at={t.readAt} seconds empty="No receipt yet" />
        </dd>
      </div>
      {t.disconnectedAt ? (
        <div className="flex flex-wrap gap-1">
          <dt className="text-muted-foreground">Ended</dt>
          <dd>
            <DateTime at={t.disconnectedAt} seconds />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

function StreamLine({ stream }: { stream: ContactTranscriptJson["stream"] }) {
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground" data-testid="transcript-stream-status">
      <Badge tone={STREAM_TONE[stream.state]}>{STREAM_BADGE[stream.state]}</Badge>
      <span className="min-w-0 [overflow-wrap:anywhere]">{stream.text}</span>
      {stream.topicArn ? <span className="min-w-0 font-mono break-all">Topic {stream.topicArn}</span> : null}
    </p>
  );
}

/** True of this chat when nothing is listed: it may simply be quiet so far, or it is not streamed at all. */
function emptyText(stream: ContactTranscriptJson["stream"]): string {
  if (stream.state === "not_streamed" || stream.state === "failed") return stream.text;
  return "No messages streamed yet.";
}

export function Transcript({ contactId, initial }: { contactId: string; initial: ContactTranscriptJson }) {
  const list = useInfiniteQuery({
    queryKey: ["contact-transcript", contactId],
    queryFn: ({ pageParam, signal }) =>
      fetchJson<ContactTranscriptJson>(
        `/api/contacts/${encodeURIComponent(contactId)}/transcript${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    initialData: { pages: [initial], pageParams: [undefined] },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Every page loaded is asked again, so a page that was the last one picks up what was added since.
    // Only an open chat can still change; an ended or unknown one is read once.
    refetchInterval: (q) => ((q.state.data?.pages[0] ?? initial).state === "open" ? POLL_MS : false),
  });
  const pages = list.data?.pages ?? [initial];
  const head = pages[0] ?? initial;
  const entries = pages.flatMap((p) => p.entries);
  const typing = pages.reduce((n, p) => n + p.typingOmitted, 0);

  return (
    <Card data-testid="contact-transcript" className="min-w-0">
      <CardHeader className="gap-2">
        <CardTitle>Conversation</CardTitle>
        <CardDescription>
          Every item Connect streamed for this chat, both sides, with what the console sent into it that the stream did not carry. Streamed items show
          Connect&apos;s time; the console&apos;s own events show when it sent them.
        </CardDescription>
        <StreamLine stream={head.stream} />
        <Receipts t={head} />
      </CardHeader>
      <CardContent className="grid gap-3">
        {list.isRefetchError ? <Alert tone="warning">The conversation could not be refreshed: {list.error?.message}</Alert> : null}
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground [overflow-wrap:anywhere]" data-testid="transcript-empty">
            {emptyText(head.stream)}
          </p>
        ) : (
          <ol className="grid min-w-0 gap-3" aria-label="Conversation" data-testid="transcript-entries">
            {entries.map((e) => (
              <TranscriptLine key={e.key} e={e} />
            ))}
          </ol>
        )}
        <LoadMore list={list} />
        {typing > 0 ? (
          <p className="text-center text-xs text-muted-foreground" data-testid="transcript-typing-omitted">
            {typing === 1 ? "1 typing indicator not shown" : `${typing} typing indicators not shown`}
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}
