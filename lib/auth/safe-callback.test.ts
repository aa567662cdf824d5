import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-callback";

const ORIGIN = "https://console.example.com";

describe("safeCallbackPath", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackPath("/campaigns?status=running", ORIGIN)).toBe("/campaigns?status=running");
    expect(safeCallbackPath(`${ORIGIN}/audit`, ORIGIN)).toBe("/audit");
  });

  it.each([
    "/\\evil.example/",
    "/%5Cevil.example/",
    "/%5cevil.example",
    "/\t/evil.example/",
    "/%09/evil.example/",
    "/\\/evil.example",
    "//evil.example/",
    "https://evil.example/",
    "http://console.example.com/",
    "javascript:alert(1)",
    "/%",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe("/");
  });

  it("never sends the browser back to the sign-in page", () => {
    expect(safeCallbackPath("/login?callbackUrl=/x", ORIGIN)).toBe("/");
  });
});
