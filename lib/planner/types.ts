// What the capacity planner takes and gives back. Plain data only, so the browser can import it.

export type Channel = "sms" | "whatsapp";

/** Each thing that can hold a campaign back. */
export type CeilingKind = "account-rate" | "campaign-rate" | "number-throughput" | "chat-capacity" | "whatsapp-daily-limit" | "send-windows";

export interface ChatLifetime {
  seconds: number;
  /** duration = the chat duration setting; observed = median lifetime learned for the flow; stated = the user says the flow disconnects. */
  source: "duration" | "observed" | "stated";
}

export interface OtherCampaign {
  /** Recipients it still has to send. */
  remaining: number;
  /** Absent: running now. */
  startsAt?: Date;
}

export interface PriorSends {
  at: Date;
  count: number;
  /** For a bucket (e.g. an hour of sends from `at`): its length, so the customers come back spread over it. Absent: all at `at`. */
  spanSeconds?: number;
}

export interface PlanInput {
  /** The moment the plan is made: every relative figure (ages, "ends within") counts from here. */
  now: Date;
  /** Recipients still to send. */
  recipients: number;
  /** Absent or past: now. */
  startsAt?: Date;
  /** Sending happens only inside these; absent means always. */
  windows?: { start: Date; end: Date }[];
  channel: Channel;
  /** StartOutboundChatContact calls per second the account allows. */
  accountRate: number;
  /** The campaign's own sends-per-second setting, when it has one. */
  campaignRate?: number;
  /** Campaigns running or scheduled in the same period: they take turns with this one at the account rate. */
  otherCampaigns?: OtherCampaign[];
  /** Concurrent active chats per instance. */
  chatQuota: number;
  /** Every open chat on the instance now, this campaign's own included. */
  openChats?: number;
  /** The open chats not this campaign's end evenly over this many seconds. Default: the lifetime. */
  existingChatsEndWithinSeconds?: number;
  lifetime: ChatLifetime;
  /** Ages (seconds) of this campaign's open chats; each ends when it reaches the lifetime. */
  campaignOpenChatAges?: number[];
  /** The same as a histogram, for campaigns with many open chats. */
  campaignOpenChatHistogram?: { ageSeconds: number; count: number }[];
  /** Lifetime for the "if the flow ended chats after sending" what-if. Default 60 s. */
  endedAfterSendingSeconds?: number;
  /** Connect's PhoneNumberType of the source number (DID, TOLL_FREE, SHORT_CODE…). */
  numberType?: string | null;
  /** ISO country of the source number: a long code outside North America carries more. */
  numberCountry?: string | null;
  /** Messages per second this number is known to allow; wins over the default for its type. */
  numberPerSecond?: number;
  /** WhatsApp business portfolio: unique customers per rolling 24 h. Absent: not modelled. Ignored for SMS. */
  whatsappDailyLimit?: number | "unlimited";
  /** WhatsApp customers other campaigns reached in the last 24 h. */
  priorSendsLast24h?: PriorSends[];
}

export interface Ceiling {
  kind: CeilingKind;
  label: string;
  /** Recipients per hour this ceiling allows when it alone applies. */
  perHour: number;
  /** For supervisors, e.g. "chat capacity: 500 chats of ~60 min → ~500 recipients per hour". */
  words: string;
  binding: boolean;
}

export interface WhatIf {
  label: string;
  /** Null when that plan would be blocked too. */
  seconds: number | null;
}

export interface Plan {
  /** From the start to the last send; null when blocked. */
  seconds: number | null;
  startsAt: Date;
  endsAt: Date | null;
  /** The ceiling that held sending back the longest; "none" when nothing is to be sent. */
  binding: CeilingKind | "none";
  /** One line on what governs the plan. */
  bindingWords: string;
  /** Why the campaign can never finish as things stand. */
  blockedBy: { kind: CeilingKind; reason: string } | null;
  ceilings: Ceiling[];
  whatIf: WhatIf[];
  /** Recipients sent by each moment, from start to end, at most 60 points. */
  timeline: { at: Date; sent: number }[];
}
