// What would change the outcome: for the ceiling that binds, the changes a supervisor can ask for, each planned again.
import type { Resolved, Variant } from "./fluid-input";
import type { CeilingKind, PlanInput } from "./types";
import { formatCount, formatRate, lifetimeWords } from "./words";

export const DEFAULT_ENDED_AFTER_SENDING_SECONDS = 60;
export const WHATSAPP_TIERS = [250, 2_000, 10_000, 100_000] as const;

export interface WhatIfVariant {
  label: string;
  variant: Variant;
}

function nextWhatsappTier(limit: number): number | "unlimited" {
  return WHATSAPP_TIERS.find((tier) => tier > limit) ?? "unlimited";
}

// Each SMS number class and the next faster one a campaign could send from.
const FASTER_SMS_NUMBER: { below: number; perSecond: number; label: string }[] = [
  { below: 3, perSecond: 3, label: "From a toll-free number (3 messages/s)" },
  { below: 100, perSecond: 100, label: "From a short code (100 messages/s)" },
];

export function whatIfVariants(input: PlanInput, r: Resolved, binding: CeilingKind | "none", sharing: number): WhatIfVariant[] {
  const out: WhatIfVariant[] = [];
  switch (binding) {
    case "chat-capacity": {
      const ended = input.endedAfterSendingSeconds ?? DEFAULT_ENDED_AFTER_SENDING_SECONDS;
      if (input.lifetime.source === "duration" && ended < r.lifetime) {
        out.push({ label: `If the flow ended chats after sending (${lifetimeWords(ended)})`, variant: { newChatLifetime: ended } });
      }
      const quota = Math.max(1, r.chatQuota * 2);
      out.push({ label: `With a concurrent chat quota of ${formatCount(quota)}`, variant: { chatQuota: quota } });
      break;
    }
    case "whatsapp-daily-limit": {
      const next = nextWhatsappTier(r.whatsappLimit ?? 0);
      const words = next === "unlimited" ? "no daily limit" : `${formatCount(next)} customers a day`;
      out.push({ label: `At the next WhatsApp tier (${words})`, variant: { whatsappDailyLimit: next } });
      break;
    }
    case "account-rate": {
      if (sharing > 1) out.push({ label: "If no other campaign shared the account rate", variant: { alone: true } });
      const rate = r.accountRate > 0 ? r.accountRate * 2 : 1;
      out.push({ label: `With an account rate of ${formatRate(rate)} starts/s`, variant: { accountRate: rate } });
      break;
    }
    case "campaign-rate":
      out.push({ label: `At the account rate (${formatRate(r.accountRate)} starts/s)`, variant: { campaignRate: null } });
      break;
    case "number-throughput": {
      const faster = input.channel === "sms" ? FASTER_SMS_NUMBER.find((f) => r.number.perSecond < f.below) : undefined;
      if (faster) out.push({ label: faster.label, variant: { numberPerSecond: faster.perSecond } });
      break;
    }
    case "send-windows":
      out.push({ label: "Without send windows", variant: { noWindows: true } });
      break;
    case "none":
      break;
  }
  return out;
}
