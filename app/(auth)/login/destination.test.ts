import { describe, expect, it } from "vitest";
import { signInDestination } from "./destination";

const ORIGIN = "http://localhost:3210";

describe("signInDestination", () => {
  it.each([
    "/\\evil.example/",
    "/%5Cevil.example/",
    "/%5cevil.example/",
    "/\t/evil.example/",
    "/%09/evil.example/",
    "/\\/evil.example/",
    "//evil.example/",
    "https://evil.example/",
  ])("stays on the console for %j", (raw) => {
    expect(signInDestination(raw, ORIGIN)).toBe("/campaigns");
  });

  it("keeps a path on the console, with its query", () => {
    expect(signInDestination("/audit?action=user.created", ORIGIN)).toBe("/audit?action=user.created");
    expect(signInDestination(`${ORIGIN}/contacts`, ORIGIN)).toBe("/contacts");
  });

  it("goes to the campaigns list without a destination, or when it is the sign-in page", () => {
    expect(signInDestination(null, ORIGIN)).toBe("/campaigns");
    expect(signInDestination("/login", ORIGIN)).toBe("/campaigns");
  });
});
