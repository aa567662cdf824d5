import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/components/fetch-json";
import { fieldErrorsOf, isRefused, listStatus, retryUnlessRefused, sentence } from "./list-words";

const ENTRY = ["entry", "entries"] as const;

describe("listStatus", () => {
  it("says what is loading, how many rows are shown and whether more can be loaded", () => {
    expect(listStatus(ENTRY, { pending: true, count: 0, more: false })).toBe("Loading entries…");
    expect(listStatus(ENTRY, { pending: false, count: 1, more: false })).toBe("Showing 1 entry");
    expect(listStatus(ENTRY, { pending: false, count: 0, more: false })).toBe("Showing 0 entries");
    expect(listStatus(ENTRY, { pending: false, count: 1200, more: true }, ", newest first")).toBe("Showing 1,200 entries, newest first; more are available");
  });
});

describe("the retry policy", () => {
  const refused = new ApiRequestError(400, { code: "invalid", message: "Some fields need attention", fields: { to: "must be after from" } });
  const unreachable = new ApiRequestError(0, { code: "unavailable", message: "Could not reach the server." });
  const failed = new ApiRequestError(503, { code: "unavailable", message: "Down" });

  it("does not ask again after a refusal, which will not fix itself", () => {
    expect(isRefused(refused)).toBe(true);
    expect(isRefused(new ApiRequestError(401, { code: "unauthenticated", message: "Sign in" }))).toBe(true);
    expect(retryUnlessRefused(0, refused)).toBe(false);
  });

  it("asks once more after a server or network failure", () => {
    for (const error of [unreachable, failed, new Error("boom")]) {
      expect(retryUnlessRefused(0, error)).toBe(true);
      expect(retryUnlessRefused(1, error)).toBe(false);
    }
  });

  it("puts each rejected filter's message by its field, and none for other failures", () => {
    expect(fieldErrorsOf(refused)).toEqual({ to: "must be after from" });
    expect(fieldErrorsOf(failed)).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
    expect(sentence("must be after from")).toBe("Must be after from");
    expect(sentence(undefined)).toBeUndefined();
  });
});
