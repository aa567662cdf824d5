// The audience model: for each outbound chat, what End User Messaging would report back about its recipient (delivered,
// read, a reply or STOP), fed in at the drawn simulated times through SendChatIntegrationEvent's own code, so the
// transcript, the streams and the ended-chat rules are those of a real request. Steps wait in one time-ordered queue
// that the server's sweep drains; what is pending lives in memory only (a restart or a reset drops it).
import { ApiError } from "./api-error";
import { profileFor, type AudienceConfig } from "./audience-config";
import { AUDIENCE_STAGES, drawSteps, type AudienceStage, type AudienceStep } from "./audience-draw";
import { DueQueue } from "./audience-queue";
import { flowMessageId } from "./chat-transcript";
import { contactEnd, type StoredContact } from "./contact";
import type { SimContext } from "./context";
import { receiveChatIntegrationEvent } from "./ops/chat-integration-event";

const EVENT = "application/vnd.amazonaws.connect.event";
// Longest the sweep works through due steps before it lets requests in; the rest follows on the next turn.
const PUMP_BUDGET_MS = 50;

interface PendingStep extends AudienceStep {
  contactId: string;
}

export interface StageCounts {
  /** Drawn for a chat and queued. */
  scheduled: number;
  /** Sent into the chat (or, for a reply after the chat ended, into a new chat). */
  emitted: number;
  /** Dropped because the chat had ended, as End User Messaging would not reach it. */
  skipped: number;
  /** Refused by SendChatIntegrationEvent's own checks (say the chat quota for a new chat). */
  failed: number;
}

const emptyCounts = (): Record<AudienceStage, StageCounts> =>
  Object.fromEntries(AUDIENCE_STAGES.map((stage) => [stage, { scheduled: 0, emitted: 0, skipped: 0, failed: 0 }])) as Record<AudienceStage, StageCounts>;

export class AudienceModel {
  private readonly queue = new DueQueue<PendingStep>();
  private counts = emptyCounts();
  private chatsDrawn = 0;
  private newChats = 0;
  private cancelled = 0;
  private lastError: string | undefined;
  private followUp: NodeJS.Immediate | undefined;
  private stopped = false;

  /** Draws what the recipient of a just-created outbound chat does, and queues it. */
  plan(ctx: SimContext, contact: StoredContact): void {
    const config = ctx.config.audience;
    if (!config.enabled || contact.direction !== "outbound") return;
    const number = ctx.catalog.findPhoneNumberByArn(contact.phoneNumberArn);
    const profile = profileFor(config, {
      channel: contact.subtype === "connect:WhatsApp" ? "WHATSAPP" : "SMS",
      contactFlowId: contact.contactFlowId,
      phoneNumberId: number?.id,
      attributes: contact.attributes,
    });
    // The ClientToken is the same for the same campaign and recipient on every run; a contact id never is.
    const key = contact.clientToken ?? contact.id;
    this.chatsDrawn += 1;
    for (const step of drawSteps(profile, config.seed, key, contact.initiatedAtMs)) {
      this.queue.push({ ...step, contactId: contact.id });
      this.counts[step.stage].scheduled += 1;
    }
  }

  /** Sends every step now due, oldest first, for up to PUMP_BUDGET_MS; carries on right after if more are due. */
  pump(ctx: SimContext): void {
    if (this.stopped) return;
    if (!ctx.config.audience.enabled) {
      // Switching the model off withdraws what it had drawn.
      this.cancelled += this.queue.size;
      this.queue.clear();
      return;
    }
    const started = performance.now();
    const now = ctx.clock.nowMs();
    let step: PendingStep | undefined;
    while (performance.now() - started < PUMP_BUDGET_MS && (step = this.queue.popDue(now))) this.emit(ctx, step, now);
    if (this.followUp === undefined && (this.queue.peek()?.atMs ?? Infinity) <= now) {
      this.followUp = setImmediate(() => {
        this.followUp = undefined;
        this.pump(ctx);
      });
    }
  }

  reset(): void {
    this.queue.clear();
    this.counts = emptyCounts();
    this.chatsDrawn = 0;
    this.newChats = 0;
    this.cancelled = 0;
    this.lastError = undefined;
  }

  /** The server is closing: nothing more is sent. */
  stop(): void {
    this.stopped = true;
    if (this.followUp !== undefined) clearImmediate(this.followUp);
    this.followUp = undefined;
  }

  view(config: AudienceConfig, nowMs: number) {
    const next = this.queue.peek()?.atMs;
    return {
      enabled: config.enabled,
      config,
      chatsDrawn: this.chatsDrawn,
      stages: structuredClone(this.counts),
      pending: this.queue.size,
      nextDueAt: next === undefined ? null : new Date(next).toISOString(),
      /** Nothing due is still waiting to be sent: what a load run polls for after moving the clock. */
      caughtUp: next === undefined || next > nowMs,
      newChatsFromLateReplies: this.newChats,
      cancelled: this.cancelled,
      lastError: this.lastError ?? null,
    };
  }

  private emit(ctx: SimContext, step: PendingStep, nowMs: number): void {
    const counts = this.counts[step.stage];
    const contact = ctx.store.contacts.get(step.contactId);
    const number = contact ? ctx.catalog.findPhoneNumberByArn(contact.phoneNumberArn) : undefined;
    if (!contact || !number) {
      counts.skipped += 1;
      return;
    }
    // A step that falls due while the queue lags behind the clock goes in at its drawn time, unless the chat's end
    // has already been streamed: then it is late, and arrives now, after that end.
    const streams = ctx.store.streams.of(contact.id);
    const endStreamed = contactEnd(contact, nowMs) !== undefined && streams.length > 0 && streams.every((s) => s.closedAtMs !== undefined);
    const atMs = endStreamed ? nowMs : step.atMs;
    const ended = contactEnd(contact, atMs) !== undefined;
    const isAnswer = step.stage === "reply" || step.stage === "stop";
    // Receipts belong to the chat's message; an answer after the end reaches End User Messaging as a new conversation.
    if (ended && (!isAnswer || ctx.config.audience.replyAfterEnd === "skip")) {
      counts.skipped += 1;
      return;
    }
    const body = {
      SourceId: contact.customerAddress,
      DestinationId: number.sourcePhoneNumberArn,
      Subtype: contact.subtype,
      Event: isAnswer
        ? { Type: "MESSAGE", ContentType: "text/plain", Content: step.text }
        : { Type: "EVENT", ContentType: `${EVENT}.message.${step.stage}`, Content: JSON.stringify({ messageId: flowMessageId(contact.id) }) },
      // Used by SendChatIntegrationEvent only when no chat is open, as for an inbound message: the new chat streams
      // where the campaign's chat did.
      ...(isAnswer ? { NewSessionDetails: newSessionDetails(contact, streams[0]?.topicArn) } : {}),
    };
    try {
      const answer = receiveChatIntegrationEvent(ctx, body, { atMs, receivedAtMs: Date.now() });
      counts.emitted += 1;
      if (answer.NewChatCreated) this.newChats += 1;
    } catch (err) {
      counts.failed += 1;
      this.lastError = err instanceof ApiError ? `${err.errorName}: ${err.message}` : String(err);
    }
  }
}

function newSessionDetails(contact: StoredContact, topicArn: string | undefined) {
  return {
    SupportedMessagingContentTypes: ["text/plain"],
    ...(contact.customerDisplayName ? { ParticipantDetails: { DisplayName: contact.customerDisplayName } } : {}),
    ...(topicArn ? { StreamingConfiguration: { StreamingEndpointArn: topicArn } } : {}),
  };
}
