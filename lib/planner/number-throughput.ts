// How many messages per second a source number sends when nobody told us better, by channel, Connect number type
// and country: End User Messaging's documented defaults (the local Connect models the same figures).
import type { Channel } from "./types";

export interface NumberThroughput {
  perSecond: number;
  /** What kind of number the figure is for, in words. */
  label: string;
}

export const WHATSAPP_NUMBER_PER_SECOND = 80;

export function defaultNumberThroughput(channel: Channel, numberType: string | null | undefined, countryCode?: string | null): NumberThroughput {
  // Meta's default throughput per WhatsApp business number, whatever Connect calls the number.
  if (channel === "whatsapp") return { perSecond: WHATSAPP_NUMBER_PER_SECOND, label: "WhatsApp number" };
  switch (numberType) {
    case "SHORT_CODE":
      return { perSecond: 100, label: "short code" };
    // UIFN is an international toll-free number; toll-free is its closest origination type.
    case "TOLL_FREE":
    case "THIRD_PARTY_TF":
    case "UIFN":
      return { perSecond: 3, label: "toll-free number" };
    case "DID":
    case "THIRD_PARTY_DID":
    case "SHARED":
      // A US long code sends SMS as 10DLC and a Canadian one at the same 1 per second; long codes elsewhere 10.
      if (countryCode === "US") return { perSecond: 1, label: "10DLC long code" };
      if (countryCode === "CA" || !countryCode) return { perSecond: 1, label: "long code" };
      return { perSecond: 10, label: "long code" };
    default:
      // A type we do not know: take the slowest common SMS throughput (a North American long code's), so the plan
      // errs on the late side instead of promising a finish the number cannot keep.
      return { perSecond: 1, label: "number of unknown type (long code rate assumed)" };
  }
}
