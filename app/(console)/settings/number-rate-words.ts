// What a source number carries when nobody set it, in words for the sending capacity table. The figures are the
// capacity planner's own defaults, so the page and the plans cannot disagree.
import { defaultNumberThroughput } from "@/lib/planner/number-throughput";
import type { ChatChannel } from "@/lib/connect/types";

// Keyed by the planner's label for the kind of number: how that default is raised in practice.
const RAISED_WHEN: Record<string, string> = {
  "10DLC long code": "unless your registration allows more",
  "long code": "unless AWS raised its throughput",
  "toll-free number": "unless AWS raised its throughput",
  "short code": "unless its approval allows more",
  "WhatsApp number": "until Meta raises it, up to 1,000",
};

const perSecond = (n: number) => `${n.toLocaleString("en-US")} message${n === 1 ? "" : "s"} per second`;

export interface DefaultRate {
  channel: ChatChannel;
  perSecond: number;
  /** e.g. "A 10DLC long code carries 1 message per second unless your registration allows more". */
  hint: string;
}

export function defaultRates(channels: readonly ChatChannel[], numberType: string | undefined, countryCode?: string): DefaultRate[] {
  return channels.map((channel) => {
    const d = defaultNumberThroughput(channel, numberType, countryCode);
    const raised = RAISED_WHEN[d.label];
    return { channel, perSecond: d.perSecond, hint: `A ${d.label} carries ${perSecond(d.perSecond)}${raised ? ` ${raised}` : ""}` };
  });
}

export const CHANNEL_NAMES: Record<ChatChannel, string> = { sms: "SMS", whatsapp: "WhatsApp" };
