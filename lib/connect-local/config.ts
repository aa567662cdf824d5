// Runtime knobs of the simulator: quotas, latency, clock speed and injected faults. Changeable through PUT /_local/config.
import { z } from "zod";
import { audienceConfigSchema, DEFAULT_AUDIENCE_CONFIG } from "./audience-config";
import { endsChatAfterSecondsSchema, messagesPerSecondSchema, messagingLimitSchema } from "./ceiling-schemas";

/** The End User Messaging Social actions the simulator serves, as IAM names them. */
export const SOCIAL_MESSAGING_ACTIONS = [
  "social-messaging:ListLinkedWhatsAppBusinessAccounts",
  "social-messaging:GetLinkedWhatsAppBusinessAccount",
  "social-messaging:ListWhatsAppMessageTemplates",
] as const;

/** Faults that can be injected, with the HTTP status each is answered with. */
export const FAULT_STATUS = {
  InternalServiceException: 500,
  ServiceUnavailableException: 503,
  ThrottlingException: 429,
  TooManyRequestsException: 429,
  LimitExceededException: 429,
  AccessDeniedException: 403,
  // Not answered: Timeout holds the request open past any client timeout, ConnectionReset drops the socket.
  Timeout: 0,
  ConnectionReset: 0,
  // Not answered either, but only after the operation ran and was journaled: the case ClientTokens exist for.
  LostResponse: 0,
} as const;
export type FaultName = keyof typeof FAULT_STATUS;
export const FAULT_NAMES = Object.keys(FAULT_STATUS) as [FaultName, ...FaultName[]];

export const INITIATION_METHODS = [
  "INBOUND",
  "OUTBOUND",
  "TRANSFER",
  "QUEUE_TRANSFER",
  "CALLBACK",
  "API",
  "DISCONNECT",
  "MONITOR",
  "EXTERNAL_OUTBOUND",
  "WEBRTC_API",
  "AGENT_REPLY",
  "FLOW",
] as const;

export const faultsSchema = z
  .partialRecord(z.enum(FAULT_NAMES), z.number().min(0).max(1))
  .refine((faults) => Object.values(faults).reduce((sum, p) => sum + (p ?? 0), 0) <= 1, {
    message: "fault probabilities must add up to at most 1",
  });

export const configSchema = z.strictObject({
  /** StartOutboundChatContact requests per second for the account (token bucket refill rate). */
  rate: z.number().positive().max(100_000),
  /** Token bucket size: requests allowed back to back. */
  burst: z.number().int().min(1).max(100_000),
  /** Concurrent active chats per instance. */
  maxActiveChats: z.number().int().min(0).max(1_000_000),
  /** Added before every Connect/Q in Connect request is handled. */
  latencyMs: z.number().int().min(0).max(120_000),
  /** Simulated minutes per real minute; 600 means one real second is ten simulated minutes. */
  clockSpeed: z.number().positive().max(10_000_000),
  faults: faultsSchema,
  /** Reported by DescribeContact for outbound chats; no source states which value Connect uses. */
  initiationMethod: z.enum(INITIATION_METHODS),
  /** How long a Timeout fault holds the request before dropping the connection. */
  timeoutHangMs: z.number().int().min(0).max(600_000),
  /** Refuse a start beyond the source number's messages per second (see contract-ceilings.md). */
  enforceNumberThroughput: z.boolean(),
  /** Messages per second by phone number id, in place of the seed's or the default for its channel and type. */
  numberMessagesPerSecond: z.record(z.string().min(1), messagesPerSecondSchema),
  /** Refuse a WhatsApp start to a new customer once the business account's messaging limit is used up. */
  enforceWhatsAppMessagingLimit: z.boolean(),
  /** One messaging limit for every WhatsApp business account; null keeps each account's seed limit. */
  whatsAppMessagingLimit: messagingLimitSchema.nullable(),
  /** endsChatAfterSeconds by flow id, in place of the seed's; null makes the flow leave chats open. Chats already started keep theirs. */
  flowEndsChatAfterSeconds: z.record(z.string().min(1), endsChatAfterSecondsSchema.nullable()),
  /** Simulated recipients who receive, read and answer outbound chats; off unless asked for. */
  audience: audienceConfigSchema,
  /** Actions the caller's IAM policy lacks: each is answered with AccessDeniedException, as AWS does for a role without it. */
  deniedActions: z.array(z.enum(SOCIAL_MESSAGING_ACTIONS)),
});

export type ConnectLocalConfig = z.infer<typeof configSchema>;
export type FaultProbabilities = ConnectLocalConfig["faults"];

export const DEFAULT_CONFIG: ConnectLocalConfig = {
  rate: 5,
  burst: 10,
  maxActiveChats: 500,
  latencyMs: 0,
  clockSpeed: 1,
  faults: {},
  initiationMethod: "API",
  timeoutHangMs: 30_000,
  // Off unless asked for: callers that do not pace per number (most tests, the demo) would otherwise be refused.
  enforceNumberThroughput: false,
  numberMessagesPerSecond: {},
  enforceWhatsAppMessagingLimit: false,
  whatsAppMessagingLimit: null,
  flowEndsChatAfterSeconds: {},
  audience: DEFAULT_AUDIENCE_CONFIG,
  deniedActions: [],
};

/**
 * Partial update; `faults`, each override table and `audience`, when given, replace the whole entry (what `audience`
 * leaves out takes its default).
 */
export const configPatchSchema = configSchema.partial();
export type ConnectLocalConfigPatch = z.input<typeof configPatchSchema>;

export function resolveConfig(overrides: ConnectLocalConfigPatch | undefined): ConnectLocalConfig {
  const parsed = configSchema.safeParse({ ...DEFAULT_CONFIG, ...overrides });
  if (!parsed.success) throw new Error(`Invalid connect-local config:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
