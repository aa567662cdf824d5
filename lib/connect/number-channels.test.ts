import { describe, expect, it } from "vitest";
import { numberChannels, numbersForChannel } from "@/lib/connect/number-channels";

describe("numberChannels", () => {
  it.each([
    ["US toll-free, SMS and WhatsApp", { sms: true, whatsapp: true }],
    ["US 10DLC long code, SMS only", { sms: true, whatsapp: false }],
    ["London landline with SMS enabled", { sms: true, whatsapp: false }],
    ["Germany WhatsApp Business number", { sms: false, whatsapp: true }],
    ["WhatsApp only", { sms: false, whatsapp: true }],
    ["whatsapp-only support line", { sms: false, whatsapp: true }],
    ["Main office line", { sms: true, whatsapp: false }],
    ["", { sms: true, whatsapp: false }],
  ])("reads %j", (description, expected) => {
    expect(numberChannels({ description })).toEqual(expected);
  });

  it("assumes SMS for a number without a description", () => {
    expect(numberChannels({})).toEqual({ sms: true, whatsapp: false });
  });

  it("treats an End User Messaging Social number as WhatsApp", () => {
    const arn = "arn:aws:social-messaging:us-east-1:123456789012:phone-number-id/08d3";
    expect(numberChannels({ sourcePhoneNumberArn: arn })).toEqual({ sms: false, whatsapp: true });
  });
});

describe("numbersForChannel", () => {
  const numbers = [
    { id: "a", description: "SMS and WhatsApp" },
    { id: "b", description: "SMS only" },
    { id: "c", description: "WhatsApp Business number" },
  ];
  it("keeps the numbers that can send on the channel", () => {
    expect(numbersForChannel(numbers, "sms").map((n) => n.id)).toEqual(["a", "b"]);
    expect(numbersForChannel(numbers, "whatsapp").map((n) => n.id)).toEqual(["a", "c"]);
  });
});
