import { describe, expect, it } from "vitest";
import type { PhoneNumber } from "@/lib/connect/types";
import { numberBucket, numberPace } from "./number-bucket";

const listed = (type: string, countryCode: string): { found: PhoneNumber } => ({ found: { id: "n", arn: "arn:n", phoneNumber: "+1", type, countryCode } });

describe("a source number's pace", () => {
  it("is the admin's figure when set, whatever kind of number it is", () => {
    expect(numberPace("sms", 25, listed("DID", "US"))).toEqual({ perSecond: 25, source: "set in Settings → Sending" });
    expect(numberPace("whatsapp", 200, { missing: "x" }).perSecond).toBe(200);
  });

  it("else the default for the number's channel, type and country", () => {
    expect(numberPace("sms", undefined, listed("DID", "US"))).toEqual({ perSecond: 1, source: "default for a 10DLC long code" });
    expect(numberPace("sms", undefined, listed("DID", "GB")).perSecond).toBe(10);
    expect(numberPace("sms", undefined, listed("TOLL_FREE", "US")).perSecond).toBe(3);
    expect(numberPace("sms", undefined, listed("SHORT_CODE", "US")).perSecond).toBe(100);
    expect(numberPace("whatsapp", undefined, listed("DID", "DE")).perSecond).toBe(80);
  });

  it("and the slow, safe figure when Connect could not say what the number is", () => {
    expect(numberPace("sms", undefined, { missing: "Connect could not list the numbers" })).toEqual({
      perSecond: 1,
      source: "default for a number of unknown type (long code rate assumed)",
    });
  });
});

describe("a source number's bucket", () => {
  it("is shared by key across campaigns, a little under the number's rate, with one second's worth rounded down as burst", () => {
    expect(numberBucket("arn:aws:connect:x", "sms", 1, 0.95)).toEqual({ key: "number:arn:aws:connect:x:sms", rate: 0.95, burst: 1 });
    expect(numberBucket("arn:x", "whatsapp", 80, 0.95)).toEqual({ key: "number:arn:x:whatsapp", rate: 76, burst: 76 });
    const tollFree = numberBucket("arn:x", "sms", 3, 0.95);
    expect(tollFree.rate).toBeCloseTo(2.85, 9);
    expect(tollFree.burst).toBe(2);
  });
});
