import { describe, expect, it } from "vitest";
import { roleFromClaim } from "./oidc-role";

describe("single sign-on role claim", () => {
  it("reads a string, a list or a separated string, and the strongest role wins", () => {
    expect(roleFromClaim("supervisor", "viewer")).toBe("supervisor");
    expect(roleFromClaim(["viewer", "Admin"], "viewer")).toBe("admin");
    expect(roleFromClaim("viewer, supervisor", "viewer")).toBe("supervisor");
  });
  it("falls back to the default role when the claim names none", () => {
    expect(roleFromClaim(undefined, "viewer")).toBe("viewer");
    expect(roleFromClaim(["staff", "finance"], "supervisor")).toBe("supervisor");
    expect(roleFromClaim(42, "viewer")).toBe("viewer");
  });
});
