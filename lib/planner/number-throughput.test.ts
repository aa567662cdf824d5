import { describe, expect, it } from "vitest";
import { defaultNumberThroughput } from "./number-throughput";

describe("default number throughput", () => {
  it("maps Connect's SMS number types to their usual throughput", () => {
    expect(defaultNumberThroughput("sms", "DID", "US")).toEqual({ perSecond: 1, label: "10DLC long code" });
    expect(defaultNumberThroughput("sms", "THIRD_PARTY_DID", "US").perSecond).toBe(1);
    expect(defaultNumberThroughput("sms", "DID", "CA")).toEqual({ perSecond: 1, label: "long code" });
    expect(defaultNumberThroughput("sms", "DID")).toEqual({ perSecond: 1, label: "long code" });
    expect(defaultNumberThroughput("sms", "SHARED", "GB")).toEqual({ perSecond: 10, label: "long code" });
    expect(defaultNumberThroughput("sms", "DID", "DE").perSecond).toBe(10);
    expect(defaultNumberThroughput("sms", "UIFN")).toEqual({ perSecond: 3, label: "toll-free number" });
    expect(defaultNumberThroughput("sms", "TOLL_FREE")).toEqual({ perSecond: 3, label: "toll-free number" });
    expect(defaultNumberThroughput("sms", "THIRD_PARTY_TF").perSecond).toBe(3);
    expect(defaultNumberThroughput("sms", "SHORT_CODE")).toEqual({ perSecond: 100, label: "short code" });
  });

  it("assumes a long code's rate for types it does not know, erring late", () => {
    for (const type of ["SOMETHING_NEW", null, undefined]) {
      expect(defaultNumberThroughput("sms", type)).toEqual({ perSecond: 1, label: "number of unknown type (long code rate assumed)" });
    }
  });

  it("gives every WhatsApp number 80 messages per second", () => {
    for (const type of ["DID", "TOLL_FREE", "SHORT_CODE", null])
      expect(defaultNumberThroughput("whatsapp", type)).toEqual({ perSecond: 80, label: "WhatsApp number" });
  });
});
