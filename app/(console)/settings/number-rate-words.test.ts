import { describe, expect, it } from "vitest";
import { defaultRates } from "./number-rate-words";

describe("a source number's default rate in words", () => {
  it("says what each kind of number carries and how that is raised", () => {
    expect(defaultRates(["sms"], "DID", "US")).toEqual([
      { channel: "sms", perSecond: 1, hint: "A 10DLC long code carries 1 message per second unless your registration allows more" },
    ]);
    expect(defaultRates(["sms"], "TOLL_FREE")[0]!.hint).toBe("A toll-free number carries 3 messages per second unless AWS raised its throughput");
    expect(defaultRates(["sms"], "SHORT_CODE")[0]!.hint).toBe("A short code carries 100 messages per second unless its approval allows more");
  });

  it("gives a number on both channels a default for each, WhatsApp's whatever Connect calls the number", () => {
    expect(defaultRates(["sms", "whatsapp"], "TOLL_FREE").map((d) => [d.channel, d.perSecond])).toEqual([
      ["sms", 3],
      ["whatsapp", 80],
    ]);
    expect(defaultRates(["whatsapp"], "DID")[0]!.hint).toBe("A WhatsApp number carries 80 messages per second until Meta raises it, up to 1,000");
  });
});
