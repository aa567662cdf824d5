import "server-only";
// One request to the inbound endpoint, from the door to Connect: the integration, the body size, the signature and
// timestamp, the payload; then the message is stored (once per provider message id) and forwarded at once when it
// is the oldest unsent message of its chat. Everything refused after the integration is known is kept as a
// rejection, so an admin can see why a provider's messages do not arrive (capped per minute, see rejection-cap.ts);
// the answer to the sender is the same whether its rejection was kept or only counted.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { ConnectGateway } from "@/lib/connect/gateway";
import { inboundMessages, type InboundIntegration, type InboundMessage } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { logEvent } from "@/lib/log/event";
import { describeError } from "@/lib/errors";
import { forwardChatHead, type ForwardOutcome } from "./forward";
import { parseInboundPayload } from "./payload";
import { MAX_BODY_BYTES, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./protocol";
import { findIntegration, recordRejection } from "./queries";
import { decryptSecret } from "./secret";
import { checkSignature } from "./signature";

export interface InboundRequest {
  integrationId: string;
  headers: Headers;
  /** The raw body (bytes as sent, or a string standing for its UTF-8), or null when it is larger than MAX_BODY_BYTES. */
  readBody(): Promise<Uint8Array | string | null>;
  ip: string | null;
  nowMs: number;
}

export interface InboundDeps {
  db: Db;
  /** Key that opens signing secrets (see secret.ts). */
  key: Buffer;
  /** Asked for only when a message is to be forwarded. */
  gateway(): Promise<ConnectGateway>;
}

export interface InboundResponse {
  status: number;
  body: Record<string, unknown>;
}

const refuse = (status: number, code: string, message: string, fields?: Record<string, string>): InboundResponse => ({
  status,
  body: { error: { code, message, ...(fields ? { fields } : {}) } },
});
// Unknown and disabled integrations get the same answer, so the endpoint does not confirm which ids exist.
const NOT_FOUND = refuse(404, "not_found", "No inbound integration at this address");

export async function receiveInbound(deps: InboundDeps, req: InboundRequest): Promise<InboundResponse> {
  const { db } = deps;
  if (!z.uuid().safeParse(req.integrationId).success) return NOT_FOUND;
  const integration = await findIntegration(db, req.integrationId);
  if (!integration) return NOT_FOUND;
  // `kind` is a fixed word for the log line: the reason and the body may hold a customer's number or words, so only
  // the kept rejection (which admins read) carries them.
  const reject = async (kind: string, reason: string, body: string | null, response: InboundResponse) => {
    logEvent({ level: "warn", event: "inbound_refused", kind, integrationId: integration.id, status: response.status });
    await recordRejection(db, { integrationId: integration.id, reason, ip: req.ip, body }, req.nowMs);
    return response;
  };
  if (integration.disabledAt) return reject("disabled", "integration is disabled", null, NOT_FOUND);

  const bytes = await req.readBody();
  if (bytes === null)
    return reject(
      "too_large",
      `body larger than ${MAX_BODY_BYTES / 1024} KiB`,
      null,
      refuse(413, "invalid", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB`),
    );
  const decoded = decodeUtf8(bytes);
  // What a rejection keeps: the body as far as it reads, with bytes that are not UTF-8 shown as U+FFFD.
  const excerpt = decoded.ok ? decoded.text : decoded.lossy;

  const secret = decryptSecret(deps.key, integration.id, integration.secretCiphertext);
  if (secret === null) {
    return reject(
      "secret_unreadable",
      "the signing secret cannot be decrypted (was AUTH_SECRET changed?): rotate the secret",
      excerpt,
      refuse(401, "unauthenticated", "The request is not signed with this integration's secret"),
    );
  }
  const check = checkSignature({
    secret,
    timestamp: req.headers.get(TIMESTAMP_HEADER),
    signature: req.headers.get(SIGNATURE_HEADER),
    rawBody: bytes,
    nowMs: req.nowMs,
  });
  if (!check.ok) {
    return reject(
      "signature",
      check.reason,
      excerpt,
      refuse(401, "unauthenticated", `The request is not signed with this integration's secret, or its ${TIMESTAMP_HEADER} is more than 5 minutes off`),
    );
  }
  if (!decoded.ok)
    return reject("not_utf8", "body is not UTF-8 text", excerpt, refuse(400, "invalid", "The body is not UTF-8 text: send JSON encoded as UTF-8"));

  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch {
    return reject("not_json", "body is not JSON", excerpt, refuse(400, "invalid", "The body is not JSON"));
  }
  const parsed = parseInboundPayload(json, integration.phoneNumber);
  if (!parsed.ok) {
    const summary = Object.entries(parsed.fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join("; ");
    return reject("invalid_payload", `invalid body: ${summary}`, excerpt, refuse(400, "invalid", "Some fields need attention", parsed.fields));
  }
  const p = parsed.payload;

  const [stored] = await db
    .insert(inboundMessages)
    .values({
      integrationId: integration.id,
      messageId: p.messageId,
      providerTimestamp: p.timestamp,
      fromPhone: p.from,
      toPhone: p.to,
      type: p.type,
      text: p.type === "delivered" || p.type === "read" ? p.refMessageId : p.text,
    })
    .onConflictDoNothing({ target: [inboundMessages.integrationId, inboundMessages.messageId] })
    .returning();
  if (!stored) return duplicate(db, integration, p.messageId);
  return forwardNow(deps, integration, stored);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const lossyUtf8 = new TextDecoder("utf-8");

function decodeUtf8(body: Uint8Array | string): { ok: true; text: string } | { ok: false; lossy: string } {
  if (typeof body === "string") return { ok: true, text: body };
  try {
    return { ok: true, text: utf8.decode(body) };
  } catch {
    return { ok: false, lossy: lossyUtf8.decode(body) };
  }
}

async function duplicate(db: Db, integration: InboundIntegration, messageId: string): Promise<InboundResponse> {
  const [first] = await db
    .select()
    .from(inboundMessages)
    .where(and(eq(inboundMessages.integrationId, integration.id), eq(inboundMessages.messageId, messageId)));
  return {
    status: 200,
    body: {
      status: "duplicate",
      messageId,
      originalStatus: first?.status ?? null,
      contactId: first?.contactId ?? null,
      newChatCreated: first?.newChatCreated ?? null,
    },
  };
}

function queued(m: InboundMessage, reason: string): InboundResponse {
  return { status: 202, body: { status: "queued", messageId: m.messageId, reason } };
}

async function forwardNow(deps: InboundDeps, integration: InboundIntegration, stored: InboundMessage): Promise<InboundResponse> {
  let outcome: ForwardOutcome | undefined;
  try {
    outcome = await forwardChatHead({ db: deps.db, gateway: await deps.gateway() }, { integrationId: integration.id, fromPhone: stored.fromPhone }, stored.id);
  } catch (err) {
    // The message is stored; the forwarder loop sends it once whatever failed here is back.
    logEvent({ level: "warn", event: "inbound_queued_after_error", messageId: stored.id, ...describeError(err) });
    return queued(stored, "stored; it will be forwarded shortly");
  }
  if (!outcome) return queued(stored, "waiting for an earlier message from this customer to be forwarded");
  const m = outcome.message;
  switch (outcome.status) {
    case "forwarded":
      return { status: 200, body: { status: "forwarded", messageId: m.messageId, contactId: m.contactId, newChatCreated: m.newChatCreated } };
    case "failed":
      return { status: 200, body: { status: "failed", messageId: m.messageId, error: { name: outcome.error.name, message: outcome.error.message } } };
    case "queued":
      return {
        status: 202,
        body: {
          status: "queued",
          messageId: m.messageId,
          reason: `Amazon Connect answered ${outcome.error.name}; it will be retried`,
          nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
        },
      };
    case "lost":
      return queued(m, "being forwarded");
  }
}
