// In-memory standard queues behind the SQS endpoint (contract-streaming.md S.6). They run on the wall clock: a consumer
// waits for them in real time, whatever speed the simulated Connect clock runs at.
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";

export const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
export const MAX_VISIBILITY_TIMEOUT_SECONDS = 43_200;
export const RETENTION_SECONDS = 345_600;

interface QueuedMessage {
  id: string;
  body: string;
  md5: string;
  sentAtMs: number;
  receiveCount: number;
  firstReceivedAtMs?: number;
  lastReceivedAtMs?: number;
  visibleAtMs: number;
}

export interface ReceivedMessage {
  id: string;
  receiptHandle: string;
  md5: string;
  body: string;
  sentAtMs: number;
  receiveCount: number;
  firstReceivedAtMs: number;
}

/** What a receipt handle turned out to name. */
export type HandleLookup =
  { kind: "invalid" } | { kind: "deleted" } | { kind: "stale" } | { kind: "current"; message: { id: string; inFlight: boolean; lastReceivedAtMs: number } };

export class SqsQueue {
  readonly createdAtMs = Date.now();
  readonly visibilityTimeoutSeconds = DEFAULT_VISIBILITY_TIMEOUT_SECONDS;
  readonly receiveWaitTimeSeconds = 0;
  private readonly messages: QueuedMessage[] = [];
  private readonly byId = new Map<string, QueuedMessage>();
  private readonly waiters = new Set<() => void>();
  // Handles carry their message and receive number under a MAC, so a deleted message's handle is still recognised
  // without remembering every handle ever issued.
  private readonly handleKey = randomBytes(32);
  private closed = false;

  constructor(
    readonly name: string,
    readonly arn: string,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  send(body: string): string {
    const message: QueuedMessage = {
      id: randomUUID(),
      body,
      md5: createHash("md5").update(body, "utf8").digest("hex"),
      sentAtMs: Date.now(),
      receiveCount: 0,
      visibleAtMs: 0,
    };
    this.messages.push(message);
    this.byId.set(message.id, message);
    this.wake();
    return message.id;
  }

  /** Oldest visible messages first; each becomes invisible for `visibilitySeconds`. */
  receive(max: number, visibilitySeconds: number, nowMs = Date.now()): ReceivedMessage[] {
    this.dropExpired(nowMs);
    const received: ReceivedMessage[] = [];
    for (const message of this.messages) {
      if (received.length >= max) break;
      if (message.visibleAtMs > nowMs) continue;
      message.receiveCount += 1;
      message.firstReceivedAtMs ??= nowMs;
      message.lastReceivedAtMs = nowMs;
      message.visibleAtMs = nowMs + visibilitySeconds * 1000;
      received.push({
        id: message.id,
        receiptHandle: this.handleFor(message),
        md5: message.md5,
        body: message.body,
        sentAtMs: message.sentAtMs,
        receiveCount: message.receiveCount,
        firstReceivedAtMs: message.firstReceivedAtMs,
      });
    }
    return received;
  }

  lookup(handle: string, nowMs = Date.now()): HandleLookup {
    const decoded = this.decodeHandle(handle);
    if (!decoded) return { kind: "invalid" };
    const message = this.byId.get(decoded.messageId);
    if (!message) return { kind: "deleted" };
    if (message.receiveCount !== decoded.receiveCount) return { kind: "stale" };
    return { kind: "current", message: { id: message.id, inFlight: message.visibleAtMs > nowMs, lastReceivedAtMs: message.lastReceivedAtMs ?? 0 } };
  }

  delete(messageId: string): void {
    const message = this.byId.get(messageId);
    if (!message) return;
    this.byId.delete(messageId);
    this.messages.splice(this.messages.indexOf(message), 1);
  }

  changeVisibility(messageId: string, seconds: number, nowMs = Date.now()): void {
    const message = this.byId.get(messageId);
    if (!message) return;
    message.visibleAtMs = nowMs + seconds * 1000;
    if (seconds === 0) this.wake();
  }

  counts(nowMs = Date.now()): { visible: number; inFlight: number } {
    this.dropExpired(nowMs);
    const inFlight = this.messages.filter((message) => message.visibleAtMs > nowMs).length;
    return { visible: this.messages.length - inFlight, inFlight };
  }

  /** When the next in-flight message becomes visible again, if any is in flight. */
  nextVisibleAtMs(nowMs = Date.now()): number | undefined {
    let next: number | undefined;
    for (const message of this.messages) if (message.visibleAtMs > nowMs && (next === undefined || message.visibleAtMs < next)) next = message.visibleAtMs;
    return next;
  }

  /** Resolves when a message arrives or is made visible, when the queue closes, or after `ms`. */
  waitForChange(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.waiters.add(done);
    });
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private dropExpired(nowMs: number): void {
    const oldest = nowMs - RETENTION_SECONDS * 1000;
    while (this.messages[0] && this.messages[0].sentAtMs < oldest) this.byId.delete(this.messages.shift()!.id);
  }

  private handleFor(message: QueuedMessage): string {
    const payload = Buffer.from(JSON.stringify([message.id, message.receiveCount, randomBytes(6).toString("hex")])).toString("base64url");
    return `${payload}.${this.mac(payload)}`;
  }

  private decodeHandle(handle: string): { messageId: string; receiveCount: number } | undefined {
    const [payload, mac, ...rest] = handle.split(".");
    if (!payload || !mac || rest.length > 0 || mac !== this.mac(payload)) return undefined;
    const parsed: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || typeof parsed[0] !== "string" || typeof parsed[1] !== "number") return undefined;
    return { messageId: parsed[0], receiveCount: parsed[1] };
  }

  private mac(payload: string): string {
    return createHmac("sha256", this.handleKey).update(payload).digest("base64url").slice(0, 32);
  }
}

export class SqsQueues {
  private readonly queues = new Map<string, SqsQueue>();

  constructor(
    private readonly accountId: string,
    private readonly region: string,
  ) {}

  create(name: string): SqsQueue {
    const existing = this.queues.get(name);
    if (existing) return existing;
    const queue = new SqsQueue(name, `arn:aws:sqs:${this.region}:${this.accountId}:${name}`);
    this.queues.set(name, queue);
    return queue;
  }

  find(name: string): SqsQueue | undefined {
    return this.queues.get(name);
  }

  list(): SqsQueue[] {
    return [...this.queues.values()];
  }

  /** Releases every waiting long poll and forgets every queue. */
  clear(): void {
    for (const queue of this.queues.values()) queue.close();
    this.queues.clear();
  }
}
