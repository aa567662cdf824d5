// The customer's side of the chat-stream benchmark: what End User Messaging does on real AWS, calling
// SendChatIntegrationEvent on Connect for every delivered and read receipt, typing indicator and message a customer's
// phone produces. Each call becomes one streamed chat item. Paced at a fixed rate; a call that cannot start on time is
// counted as late, so the rate printed is the rate that was offered, not the one intended.
import { ConnectClient, SendChatIntegrationEventCommand } from "@aws-sdk/client-connect";
import { sleep } from "./child-process";

export interface LoadChat {
  customerPhone: string;
}

export interface LoadPlan {
  simUrl: string;
  /** The End User Messaging ARN of the Connect number the chats are on (DestinationId). */
  destinationArn: string;
  chats: LoadChat[];
  perSecond: number;
  seconds: number;
}

export interface LoadResult {
  sent: number;
  failed: number;
  firstError?: string;
  startedAt: number;
  endedAt: number;
  /** Calls that started more than 100 ms after their slot. */
  late: number;
}

// A phone's life in a chat, over and over: the message arrives, is read, the customer types and answers.
const CYCLE = ["delivered", "read", "typing", "message"] as const;
const EVENT_TYPES = {
  delivered: "application/vnd.amazonaws.connect.event.message.delivered",
  read: "application/vnd.amazonaws.connect.event.message.read",
  typing: "application/vnd.amazonaws.connect.event.typing",
} as const;
const MAX_IN_FLIGHT = 128;

function eventFor(i: number, round: number) {
  const kind = CYCLE[round % CYCLE.length]!;
  if (kind === "message") return { Type: "MESSAGE" as const, ContentType: "text/plain", Content: `Thanks, see you then (${i})` };
  const receipt = kind === "typing" ? {} : { Content: JSON.stringify({ messageId: `bench-${i}` }) };
  return { Type: "EVENT" as const, ContentType: EVENT_TYPES[kind], ...receipt };
}

export async function offerLoad(plan: LoadPlan): Promise<LoadResult> {
  const client = new ConnectClient({
    region: "us-east-1",
    endpoint: plan.simUrl,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
  });
  const total = Math.round(plan.perSecond * plan.seconds);
  const result: LoadResult = { sent: 0, failed: 0, startedAt: Date.now(), endedAt: 0, late: 0 };
  const inFlight = new Set<Promise<void>>();
  try {
    for (let i = 0; i < total; i++) {
      const due = result.startedAt + (i * 1000) / plan.perSecond;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      if (Date.now() - due > 100) result.late += 1;
      const chat = plan.chats[i % plan.chats.length]!;
      const round = Math.floor(i / plan.chats.length);
      const call = client
        .send(
          new SendChatIntegrationEventCommand({
            SourceId: chat.customerPhone,
            DestinationId: plan.destinationArn,
            Subtype: "connect:SMS",
            Event: eventFor(i, round),
          }),
        )
        .then(
          () => void (result.sent += 1),
          (err: unknown) => {
            result.failed += 1;
            result.firstError ??= err instanceof Error ? `${err.name}: ${err.message}` : String(err);
          },
        );
      const tracked = call.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await Promise.all(inFlight);
  } finally {
    result.endedAt = Date.now();
    client.destroy();
  }
  return result;
}
