// What the composer, the campaign page and the API show about a preflight. Plain data: safe for the browser.
import type { StartOutboundChatInput } from "@/lib/connect/types";
import type { SmsSegmentTallyResult } from "@/lib/messages/sms-segments";
import type { CampaignPlan } from "./campaign-plan";
import type { InvalidReason } from "./invalid-reasons";
import type { SendWindowSummary } from "./send-window-preflight";

/** What launch asks of the user beyond one click (see LAUNCH_CONFIRM_INVALID_PERCENT and LAUNCH_TYPE_COUNT_FROM). */
export interface LaunchConfirmRules {
  /** Above this share of invalid rows (0–1), launch needs the invalid count confirmed as well. */
  invalidShareAbove: number;
  /** From this many valid recipients up, the user types the count. */
  typeCountFrom: number;
}

export type PreflightRowStatus = "valid" | "invalid" | "duplicate" | "suppressed";

export interface PreflightSampleRow {
  line: number;
  phoneRaw: string;
  phone: string | null;
  name: string | null;
  status: PreflightRowStatus;
  reason: string | null;
  duplicateOfLine: number | null;
}

export interface MessagePreview {
  phone: string;
  name: string | null;
  /** The initial message as this recipient gets it (SMS), or the template variables (WhatsApp). */
  message: string | null;
  templateVariables: Record<string, string> | null;
}

/** Recipients a frequency cap holds back now (Settings → Frequency caps and the campaign's own rules). */
export interface FrequencyCapSummary {
  exempt: boolean;
  heldBack: number;
  rules: { count: number; windowHours: number; whenCapped: "skip" | "wait"; heldBack: number }[];
}

export interface PreflightSummary {
  total: number;
  counts: Record<PreflightRowStatus, number>;
  /** Why rows are invalid, most rows first, with a fix where one is known. Missing in summaries stored before it existed. */
  invalidReasons?: InvalidReason[];
  /** The source number's country, when Connect told. */
  sourceCountry?: string;
  launchConfirm?: LaunchConfirmRules;
  /** SMS segments of every valid recipient's message as rendered for them: the campaign's cost in messages. */
  smsSegments?: SmsSegmentTallyResult;
  /** The first rows of each group. */
  samples: Record<PreflightRowStatus, PreflightSampleRow[]>;
  /** Problems that block launch (no valid recipient, unknown flow, WhatsApp without template…). */
  blocking: string[];
  /** Worth a look, but do not block launch. */
  warnings: string[];
  /** The exact StartOutboundChatContact input for the first valid recipient. */
  sampleRequest: StartOutboundChatInput | null;
  previews: MessagePreview[];
  /** Sends per second after capping at the account rate. */
  sendsPerSecond: number;
  accountSendsPerSecond: number;
  /** Chats open at the same time once sending is steady: those open on the instance, plus sends/s × chat lifetime (at most the valid count). */
  projectedOpenChats: number;
  concurrentChatQuota: number;
  /** The capacity plan's seconds from start to last send; null when it cannot finish. Read `plan` for why. */
  estimatedSeconds: number | null;
  /** The capacity plan: duration, end, the binding ceiling in words, what would change it, the expected sends over time. */
  plan?: CampaignPlan;
  /** Frequency caps, for a check of a saved draft's stored rows; missing when no cap applies or the rows are not stored. */
  frequencyCap?: FrequencyCapSummary;
  /** The send window, when the campaign keeps to one: rows sendable at the start, and when the rest open. */
  sendWindow?: SendWindowSummary;
  /** Columns found in the recipients (CSV header, or phone/name for pasted lines). */
  columns: string[];
}
