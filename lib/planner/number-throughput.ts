// How many messages per second a source number sends when nobody told us better, by channel and Connect number type.
import type { Channel } from "./types";

export interface NumberThroughput {
  perSecond: number;
  /** What kind of number the figure is for, in words. */
  label: string;
}

export const WHATSAPP_NUMBER_PER_SECOND = 80;

export function defaultNumberThroughput(channel: Channel, numberType: string | null | undefined): NumberThroughput {
  // Meta's default throughput per WhatsApp business number, whatever Connect calls the number.
  if (channel === "whatsapp") return { perSecond: WHATSAPP_NUMBER_PER_SECOND, label: "WhatsApp number" };
  switch (numberType) {
    case "SHORT_CODE":
      return { perSecond: 100, label: "short code" };
    case "TOLL_FREE":
    case "THIRD_PARTY_TF":
      return { perSecond: 3, label: "toll-free number" };
    case "DID":
    case "THIRD_PARTY_DID":
      // A US DID sends SMS as a 10DLC long code; long codes elsewhere allow about the same.
      return { perSecond: 1, label: "10DLC long code" };
    default:
      // UIFN, SHARED or a type we do not know: take the slowest common SMS throughput (a long code's), so the plan
      // errs on the late side instead of promising a finish the number cannot keep.
      return { perSecond: 1, label: "number of unknown type (long code rate assumed)" };
  }
}
