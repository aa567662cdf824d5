import { describe, expect, it } from "vitest";
import type { MessagingChannel } from "./channels";
import { defaultMessagesPerSecond } from "./number-rates";
import { PHONE_NUMBER_TYPES } from "./seed-schema";
import { defaultNumberThroughput } from "@/lib/planner/number-throughput";

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

describe("the console's planner and the local Connect", () => {
  // Two sides on purpose: the simulator stands in for AWS and must not take the console's word for a limit. This keeps
  // their defaults the same, so a plan made against the local Connect comes true there.
  it("assume the same default throughput for every number type, country and channel", () => {
    for (const type of PHONE_NUMBER_TYPES) {
      for (const countryCode of ["US", "CA", "GB", "DE", "MX"]) {
        for (const [channel, planned] of [
          ["SMS", "sms"],
          ["WHATSAPP", "whatsapp"],
        ] as const) {
          const simulator = defaultMessagesPerSecond({ type, countryCode }, channel);
          expect({ type, countryCode, channel, perSecond: defaultNumberThroughput(planned, type, countryCode).perSecond }).toEqual({
            type,
            countryCode,
            channel,
            perSecond: simulator,
          });
        }
      }
    }
  });
});
