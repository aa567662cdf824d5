import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  const base = "http://127.0.0.1:3000";

  it("keeps same-origin paths and absolute URLs on the console", () => {
    expect(safeRedirect("/campaigns?tab=1", base)).toBe("http://127.0.0.1:3000/campaigns?tab=1");
    expect(safeRedirect("http://127.0.0.1:3000/audit", base)).toBe("http://127.0.0.1:3000/audit");
  });

  it("sends any other origin, and scheme-relative or backslash tricks, to the console's home", () => {
    for (const evil of ["https://evil.example/x", "//evil.example", "/\\evil.example", "/%5Cevil.example", "javascript:alert(1)"]) {
      expect(safeRedirect(evil, base)).toBe("http://127.0.0.1:3000/");
    }
  });

  it("resolves against the public address when one is set, and lets sign-out reach the sign-in page", () => {
    expect(safeRedirect("http://internal:3000/x", "http://internal:3000", "https://console.example.com")).toBe("https://console.example.com/");
    expect(safeRedirect("/x", "http://internal:3000", "https://console.example.com")).toBe("https://console.example.com/x");
    expect(safeRedirect("/login", base)).toBe("http://127.0.0.1:3000/login");
    expect(safeRedirect("/login?next=//evil.example", base)).toBe("http://127.0.0.1:3000/");
  });
});
