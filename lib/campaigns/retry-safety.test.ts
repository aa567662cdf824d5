// The refusal list must agree with how the dispatcher classifies Connect's errors: a name it would retry as an
// unknown outcome can never count as "Connect refused, no chat exists".
import { describe, expect, it } from "vitest";
import { classifyConnectError } from "@/lib/connect/classify-error";
import type { CampaignRecipient } from "@/lib/db/schema";
import { recipientView } from "./api-view";
import { REFUSED_BY_CONNECT, outcomeUnknown } from "./send-outcome";

describe("REFUSED_BY_CONNECT", () => {
  it("holds only errors Connect answers with, none the dispatcher treats as transient", () => {
    for (const name of REFUSED_BY_CONNECT) expect(classifyConnectError({ name, message: name }).kind, name).not.toBe("transient");
  });

  it("leaves out server errors, timeouts, dropped connections and names never seen", () => {
    for (const name of [
      "InternalServiceException",
      "ServiceUnavailableException",
      "TimeoutError",
      "AbortError",
      "RequestTimeout",
      "Unknown",
      "Error",
      "SomethingNewException",
    ]) {
      expect(REFUSED_BY_CONNECT).not.toContain(name);
    }
  });
});

describe("outcomeUnknown", () => {
  it("says a failed row may have a chat when Connect did not refuse its last attempt", () => {
    for (const name of ["TimeoutError", "ECONNRESET", "InternalServiceException", "SomethingNew"])
      expect(outcomeUnknown({ sendStatus: "failed", lastErrorName: name }), name).toBe(true);
    expect(outcomeUnknown({ sendStatus: "failed", lastErrorName: "InvalidParameterException" })).toBe(false);
    expect(outcomeUnknown({ sendStatus: "sent", lastErrorName: "TimeoutError" })).toBe(false);
    expect(outcomeUnknown({ sendStatus: "failed", lastErrorName: null })).toBe(false);
  });

  it("is on the automation API's recipient", () => {
    const row = {
      id: 1,
      line: 2,
      phoneRaw: "+1",
      phone: "+1",
      name: null,
      preflightStatus: "valid",
      reason: null,
      duplicateOfLine: null,
      sendStatus: "failed",
      attempts: 5,
      contactId: null,
      lastErrorName: "TimeoutError",
      lastErrorMessage: "no answer",
      sentAt: null,
    } as unknown as CampaignRecipient;
    expect(recipientView(row)).toMatchObject({ outcomeUnknown: true, lastError: { name: "TimeoutError" } });
    expect(recipientView({ ...row, lastErrorName: "InvalidParameterException" })).toMatchObject({ outcomeUnknown: false });
  });
});
