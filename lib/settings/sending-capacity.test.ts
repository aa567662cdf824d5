// The sending capacity schema (shared by the Settings form and the action) and the tolerant reading of what is stored.
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/errors";
import { sendingCapacitySchema } from "./schemas";
import { parseSendingCapacity } from "./sending-capacity";

const ARN = "arn:aws:connect:us-east-1:111122223333:phone-number/aaaa";
const OTHER = "arn:aws:connect:us-east-1:111122223333:phone-number/bbbb";
const row = (messagesPerSecond: unknown, arn = ARN, phoneNumber = "+12065550142") => ({ arn, phoneNumber, messagesPerSecond });

describe("the sending capacity schema", () => {
  it("reads an empty box as the default, a number or numeric text as an override, and the limit's choice as a number", () => {
    expect(sendingCapacitySchema.parse({ numbers: [row(" 25 "), row("", OTHER)], whatsAppDailyLimit: "2000" })).toEqual({
      numbers: [
        { arn: ARN, messagesPerSecond: 25 },
        { arn: OTHER, messagesPerSecond: null },
      ],
      whatsAppDailyLimit: 2_000,
    });
    expect(sendingCapacitySchema.parse({ numbers: [row(0.5), row(null, OTHER)], whatsAppDailyLimit: "unlimited" })).toEqual({
      numbers: [
        { arn: ARN, messagesPerSecond: 0.5 },
        { arn: OTHER, messagesPerSecond: null },
      ],
      whatsAppDailyLimit: null,
    });
    expect(sendingCapacitySchema.parse({ numbers: [row(1_000)], whatsAppDailyLimit: "250" }).numbers[0]!.messagesPerSecond).toBe(1_000);
  });

  it("names the number in each rate problem, on that number's field", () => {
    const errors = (messagesPerSecond: unknown) => {
      const res = sendingCapacitySchema.safeParse({ numbers: [row("2", OTHER, "+18005550199"), row(messagesPerSecond)], whatsAppDailyLimit: "250" });
      expect(res.success).toBe(false);
      return fieldErrors(res.error!);
    };
    expect(errors("fast")).toEqual({ "numbers.1.messagesPerSecond": "Enter messages per second for +12065550142, or leave it empty for the default" });
    expect(errors("1,5")).toEqual({ "numbers.1.messagesPerSecond": "Enter messages per second for +12065550142, or leave it empty for the default" });
    expect(errors("0")).toEqual({ "numbers.1.messagesPerSecond": "Messages per second for +12065550142 must be above 0" });
    expect(errors(-3)).toEqual({ "numbers.1.messagesPerSecond": "Messages per second for +12065550142 must be above 0" });
    expect(errors("1000.5")).toEqual({ "numbers.1.messagesPerSecond": "Messages per second for +12065550142 is at most 1,000" });
    for (const notANumber of [Number.POSITIVE_INFINITY, true, { value: 3 }, undefined]) {
      expect(errors(notANumber)).toEqual({ "numbers.1.messagesPerSecond": "Enter messages per second for +12065550142, or leave it empty for the default" });
    }
  });

  it("refuses a daily limit that is not one of WhatsApp's tiers, a number listed twice and something that is not an ARN", () => {
    const limit = sendingCapacitySchema.safeParse({ numbers: [], whatsAppDailyLimit: "1000" });
    expect(fieldErrors(limit.error!)).toEqual({ whatsAppDailyLimit: "Choose WhatsApp's daily limit: 250, 2,000, 10,000, 100,000 or unlimited" });
    const twice = sendingCapacitySchema.safeParse({ numbers: [row("1"), row("")], whatsAppDailyLimit: "250" });
    expect(fieldErrors(twice.error!)).toEqual({ "numbers.1.arn": `${ARN} is listed twice` });
    const notArn = sendingCapacitySchema.safeParse({ numbers: [row("1", "phone-number/aaaa")], whatsAppDailyLimit: "250" });
    expect(fieldErrors(notArn.error!)).toEqual({ "numbers.0.arn": "Not a phone number ARN" });
  });
});

describe("reading the stored sending capacity", () => {
  const defaults = { numberMessagesPerSecond: {}, whatsAppDailyLimit: 250 };

  it("gives the defaults for nothing stored or a value of the wrong shape", () => {
    for (const value of [undefined, null, 7, "fast", [], [1, 2], true]) expect(parseSendingCapacity(value)).toEqual(defaults);
    expect(parseSendingCapacity({})).toEqual(defaults);
  });

  it("keeps what is usable field by field: bad overrides are dropped one by one, a bad limit falls back to 250", () => {
    expect(
      parseSendingCapacity({
        numberMessagesPerSecond: { [ARN]: 3, [OTHER]: "3", a: 0, b: -1, c: 1_001, d: null, e: 2.5, "": 4 },
        whatsAppDailyLimit: 5_000,
      }),
    ).toEqual({ numberMessagesPerSecond: { [ARN]: 3, e: 2.5 }, whatsAppDailyLimit: 250 });
    expect(parseSendingCapacity({ numberMessagesPerSecond: [3], whatsAppDailyLimit: "2000" })).toEqual(defaults);
  });

  it("reads a stored null limit as unlimited and a tier as itself", () => {
    expect(parseSendingCapacity({ numberMessagesPerSecond: {}, whatsAppDailyLimit: null }).whatsAppDailyLimit).toBeNull();
    expect(parseSendingCapacity({ numberMessagesPerSecond: { [ARN]: 80 }, whatsAppDailyLimit: 100_000 })).toEqual({
      numberMessagesPerSecond: { [ARN]: 80 },
      whatsAppDailyLimit: 100_000,
    });
  });
});
