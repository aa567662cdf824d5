// Shared by the inbound bridge's database tests: integrations inserted with a test key, signed provider requests,
// and what the simulator received. Test-only; nothing in the product imports it.
import { randomUUID } from "node:crypto";
import type { ChatChannel } from "@/lib/connect/types";
import { listLocalEvents } from "@/lib/connect-local/local-listing";
import type { Sim } from "@/lib/dispatch/dispatch-test-kit";
import { inboundIntegrations, type InboundIntegration } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./protocol";
import { deriveSecretKey, encryptSecret, newSigningSecret } from "./secret";
import { signatureFor } from "./signature";

export const TEST_AUTH_SECRET = "inbound-tests-auth-secret-0123456789abcdef";
export const testKey = deriveSecretKey(TEST_AUTH_SECRET);

/** Seed numbers of the acme-support instance (lib/connect-local/seed/default.json). */
export const SMS_NUMBER = "+12065550142";
export const SMS_NUMBER_EUM_ARN = "arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-891928fcb966271bb2447b26eed79036";

/** An integration row as the create action would write it, for tests that do not exercise the action. */
export async function insertIntegration(
  db: Db,
  sim: Sim,
  opts: { name?: string; channel?: ChatChannel; phoneNumber?: string } = {},
): Promise<{ integration: InboundIntegration; secret: string }> {
  const instance = (await sim.gateway.listInstances()).find((i) => i.alias === "acme-support")!;
  const number = (await sim.gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === (opts.phoneNumber ?? SMS_NUMBER))!;
  const id = randomUUID();
  const { secret, prefix } = newSigningSecret();
  const [integration] = await db
    .insert(inboundIntegrations)
    .values({
      id,
      name: opts.name ?? `Provider ${id.slice(0, 4)}`,
      channel: opts.channel ?? "sms",
      instanceId: instance.id,
      phoneNumberArn: number.arn,
      phoneNumber: number.phoneNumber,
      destinationArn: number.sourcePhoneNumberArn!,
      secretCiphertext: encryptSecret(testKey, id, secret),
      secretPrefix: prefix,
      createdBy: "admin@example.com",
    })
    .returning();
  return { integration: integration!, secret };
}

export interface SignOptions {
  /** Unix seconds; now by default. */
  timestamp?: number;
  signature?: string;
}

/** Headers and body of a provider request signed as the integrations page tells providers to. */
export function signed(secret: string, body: unknown, o: SignOptions = {}): { headers: Headers; body: string | Uint8Array<ArrayBuffer> } {
  const raw = typeof body === "string" ? body : body instanceof Uint8Array ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body);
  const ts = String(o.timestamp ?? Math.floor(Date.now() / 1000));
  const headers = new Headers({ "content-type": "application/json", [TIMESTAMP_HEADER]: ts, [SIGNATURE_HEADER]: o.signature ?? signatureFor(secret, ts, raw) });
  return { headers, body: raw };
}

let seq = 0;
/** A provider message body; each call gets a new messageId unless given one. */
export function message(from: string, text: string, extra: Record<string, unknown> = {}) {
  seq += 1;
  return { messageId: `SM${Date.now()}${seq}`, from, to: SMS_NUMBER, text, timestamp: Math.floor(Date.now() / 1000), ...extra };
}

export interface SimEvent {
  contactId: string | null;
  newChatCreated: boolean;
  outcome: string;
  request: { SourceId: string; DestinationId: string; Subtype?: string; Event: { Type: string; ContentType?: string; Content?: string } };
}

/** Every SendChatIntegrationEvent the simulator accepted, in the order it accepted them. */
export function simEvents(sim: Sim): Promise<SimEvent[]> {
  return listLocalEvents<SimEvent>(sim.url);
}

export const eventsFrom = async (sim: Sim, customer: string) => (await simEvents(sim)).filter((e) => e.request.SourceId === customer);
