// What one recipient does with an outbound message, drawn from a hash so the same seed and key give the same answer on
// every run: whether and when it is delivered, read and answered, and with what.
import { createHash } from "node:crypto";
import type { AudienceProfile, DelayRange } from "./audience-config";

export type AudienceStage = "delivered" | "read" | "reply" | "stop";
export const AUDIENCE_STAGES: readonly AudienceStage[] = ["delivered", "read", "reply", "stop"];

export interface AudienceStep {
  stage: AudienceStage;
  atMs: number;
  /** The customer's message, for reply and stop. */
  text?: string;
}

export const STOP_TEXT = "STOP";

/** A number in [0, 1) that depends only on its inputs: 48 bits of SHA-256, plenty for shares and delays. */
export function unitDraw(seed: string, key: string, label: string): number {
  const digest = createHash("sha256").update(`${seed}\u0000${key}\u0000${label}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

function delayMs(range: DelayRange, u: number): number {
  return Math.round((range.min + (range.max - range.min) * u) * 1000);
}

/** The steps, in time order, that follow an outbound message sent at `startMs`; none when it is never delivered. */
export function drawSteps(profile: AudienceProfile, seed: string, key: string, startMs: number): AudienceStep[] {
  const draw = (label: string) => unitDraw(seed, key, label);
  const steps: AudienceStep[] = [];
  if (draw("delivered") >= profile.delivered) return steps;
  const deliveredAt = startMs + delayMs(profile.delays.delivered, draw("delivered-delay"));
  steps.push({ stage: "delivered", atMs: deliveredAt });
  if (draw("read") >= profile.read) return steps;
  const readAt = deliveredAt + delayMs(profile.delays.read, draw("read-delay"));
  steps.push({ stage: "read", atMs: readAt });
  const answer = draw("answer");
  if (answer >= profile.stop + profile.replied) return steps;
  const answerAt = readAt + delayMs(profile.delays.reply, draw("reply-delay"));
  if (answer < profile.stop) steps.push({ stage: "stop", atMs: answerAt, text: STOP_TEXT });
  else steps.push({ stage: "reply", atMs: answerAt, text: profile.replies[Math.floor(draw("reply-text") * profile.replies.length)] });
  return steps;
}
