"use client";
// The SNS topic each Connect instance's chats are streamed to: one text box per instance, empty for off. Admins edit
// them; everyone else reads them. The form checks each topic against its instance's Region as the action does.
import { useMemo, useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { callAction } from "@/components/forms/call-action";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ChatStreamingInput, ChatStreamingUpdate } from "@/lib/settings/chat-streaming-schema";
import { EXAMPLE_TOPIC_ARN } from "@/lib/settings/chat-streaming-topics";
import { updateChatStreamingAction } from "./actions";

export interface StreamingInstance {
  id: string;
  arn: string;
  label: string;
  /** What the instance streams to now; "" for off. */
  topicArn: string;
  /** What it streams to when nothing is set: the simulator's topic in local mode, else "". */
  defaultTopicArn: string;
}

const values = (instances: StreamingInstance[], topics?: Record<string, string>): ChatStreamingInput => ({
  instances: instances.map((i) => ({ instanceId: i.id, topicArn: topics ? (topics[i.id] ?? i.defaultTopicArn) : i.topicArn })),
});

const hintOf = (i: StreamingInstance) => (i.defaultTopicArn ? "Empty: off. Default: the local simulator's chat-stream topic." : "Empty: off.");

export function ChatStreamingForm({ instances, canEdit }: { instances: StreamingInstance[]; canEdit: boolean }) {
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  // The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
  const resolver = useMemo(() => {
    const instanceArns = Object.fromEntries(instances.map((i) => [i.id, i.arn]));
    return lazyZodResolver(() => import("@/lib/settings/chat-streaming-schema").then((m) => m.chatStreamingSchema(instanceArns)));
  }, [instances]);
  const form = useForm<ChatStreamingInput, unknown, ChatStreamingUpdate>({ resolver, defaultValues: values(instances) });
  const { errors, isSubmitting, isDirty } = form.formState;

  if (instances.length === 0) return <p className="text-sm text-muted-foreground">Connect lists no instances for this account.</p>;

  const onSubmit = form.handleSubmit(async () => {
    setStatus(null);
    const res = await callAction(() => updateChatStreamingAction(form.getValues()));
    if (res.ok) {
      form.reset(values(instances, res.data.topics));
      setStatus({ tone: "success", text: "Chat streaming saved. New chats stream to these topics; chats already streaming keep theirs." });
      return;
    }
    let placed = 0;
    for (const [path, message] of Object.entries(res.error.fields ?? {})) {
      form.setError(path as FieldPath<ChatStreamingInput>, { type: "server", message }, { shouldFocus: placed++ === 0 });
    }
    if (placed === 0 || res.error.code !== "invalid") setStatus({ tone: "error", text: res.error.message });
  });

  return (
    <form
      onFocus={resolver.preload}
      onSubmit={onSubmit}
      noValidate
      className="grid min-w-0 gap-4"
      aria-label="Chat streaming"
      data-testid="chat-streaming-form"
    >
      <Table aria-label="SNS topic by Connect instance">
        <THead>
          <tr>
            <TH>Instance</TH>
            <TH className="min-w-72">SNS topic ARN</TH>
          </tr>
        </THead>
        <TBody>
          {instances.map((instance, i) => {
            const id = `chat-streaming-${i}`;
            const error = errors.instances?.[i]?.topicArn?.message ?? errors.instances?.[i]?.instanceId?.message;
            return (
              <TR key={instance.id} data-testid="chat-streaming-row">
                <TD className="align-top whitespace-nowrap">{instance.label}</TD>
                <TD className="align-top">
                  <div className="grid gap-1">
                    {canEdit ? (
                      <Input
                        id={id}
                        placeholder="Off"
                        spellCheck={false}
                        className="font-mono text-xs"
                        aria-label={`SNS topic for ${instance.label}`}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={`${id}-note`}
                        {...form.register(`instances.${i}.topicArn`)}
                      />
                    ) : (
                      <span className="break-all font-mono text-xs">{instance.topicArn || "Off"}</span>
                    )}
                    {error ? (
                      <p id={`${id}-note`} role="alert" className="text-xs font-medium text-destructive">
                        {error}
                      </p>
                    ) : canEdit ? (
                      <p id={`${id}-note`} className="text-xs text-muted-foreground">
                        {hintOf(instance)}
                      </p>
                    ) : null}
                  </div>
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <p className="text-xs text-muted-foreground">
        A standard SNS topic in the instance&apos;s Region, e.g. {EXAMPLE_TOPIC_ARN}. Connect publishes each new chat&apos;s messages and events to it;
        subscribe the queue the console reads (CHAT_STREAM_QUEUE_URL) for delivered and read receipts, replies and chat ends.
      </p>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {canEdit ? (
        <div>
          <Button type="submit" disabled={isSubmitting || !isDirty}>
            Save chat streaming
          </Button>
        </div>
      ) : null}
    </form>
  );
}
