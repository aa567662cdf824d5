// How many messages per second a number may send on a channel: the config's override, else the seed's, else the
// default End User Messaging documents for its channel and type (sources in contract-ceilings.md).
import type { CatalogPhoneNumber } from "./catalog";
import type { MessagesPerSecond } from "./ceiling-schemas";
import type { MessagingChannel } from "./channels";
import type { ConnectLocalConfig } from "./config";

/** Meta's default Cloud API throughput per registered business number. */
const WHATSAPP_DEFAULT = 80;

/** End User Messaging SMS message parts per second by origination type, one message counted as one part. */
function smsDefault(number: Pick<CatalogPhoneNumber, "type" | "countryCode">): number {
  const northAmerica = number.countryCode === "US" || number.countryCode === "CA";
  switch (number.type) {
    case "SHORT_CODE":
      return 100;
    // UIFN is an international toll-free number and THIRD_PARTY_TF a toll-free number carried by another
    // provider; toll-free is their closest origination type, and US toll-free sends 3 parts per second.
    case "TOLL_FREE":
    case "UIFN":
    case "THIRD_PARTY_TF":
      return 3;
    // DID, a number from another provider and a shared number are all long codes: 1 part per second for a US
    // 10DLC or Canadian long code, 10 for a long code elsewhere.
    case "DID":
    case "THIRD_PARTY_DID":
    case "SHARED":
      return northAmerica ? 1 : 10;
  }
}

export function defaultMessagesPerSecond(number: Pick<CatalogPhoneNumber, "type" | "countryCode">, channel: MessagingChannel): number {
  return channel === "WHATSAPP" ? WHATSAPP_DEFAULT : smsDefault(number);
}

function forChannel(rates: MessagesPerSecond | undefined, channel: MessagingChannel): number | undefined {
  return typeof rates === "number" ? rates : rates?.[channel];
}

export function messagesPerSecond(number: CatalogPhoneNumber, channel: MessagingChannel, config: Pick<ConnectLocalConfig, "numberMessagesPerSecond">): number {
  return (
    forChannel(config.numberMessagesPerSecond[number.id], channel) ?? forChannel(number.messagesPerSecond, channel) ?? defaultMessagesPerSecond(number, channel)
  );
}
