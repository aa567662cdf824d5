import { describe, expect, it } from "vitest";
import type { MessagingChannel } from "./channels";
import { defaultMessagesPerSecond } from "./number-rates";
import type { PHONE_NUMBER_TYPES } from "./seed-schema";

describe("default messages per second", () => {
  const table: [(typeof PHONE_NUMBER_TYPES)[number], string, MessagingChannel, number][] = [
    ["DID", "US", "SMS", 1],
    ["DID", "CA", "SMS", 1],
    ["DID", "GB", "SMS", 10],
    ["THIRD_PARTY_DID", "US", "SMS", 1],
    ["SHARED", "US", "SMS", 1],
    ["TOLL_FREE", "US", "SMS", 3],
    ["THIRD_PARTY_TF", "US", "SMS", 3],
    ["UIFN", "US", "SMS", 3],
    ["SHORT_CODE", "US", "SMS", 100],
    ["DID", "DE", "WHATSAPP", 80],
    ["TOLL_FREE", "US", "WHATSAPP", 80],
    ["SHORT_CODE", "US", "WHATSAPP", 80],
  ];

  it.each(table)("%s in %s on %s sends %d a second", (type, countryCode, channel, expected) => {
    expect(defaultMessagesPerSecond({ type, countryCode }, channel)).toBe(expected);
  });
});
