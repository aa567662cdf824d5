// The refusal list must agree with how the dispatcher classifies Connect's errors: a name it would retry as an
// unknown outcome can never count as "Connect refused, no chat exists".
import { describe, expect, it } from "vitest";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { REFUSED_BY_CONNECT } from "./retry-safety";

describe("REFUSED_BY_CONNECT", () => {
  it("holds only errors Connect answers with, none the dispatcher treats as transient", () => {
    for (const name of REFUSED_BY_CONNECT) expect(classifyConnectError({ name, message: name }).kind, name).not.toBe("transient");
  });

  it("leaves out server errors, timeouts, dropped connections and names never seen", () => {
    for (const name of ["InternalServiceException", "ServiceUnavailableException", "TimeoutError", "AbortError", "RequestTimeout", "Unknown", "Error", "SomethingNewException"]) {
      expect(REFUSED_BY_CONNECT).not.toContain(name);
    }
  });
});
