import { describe, expect, it } from "vitest";
import { checkAnnouncement } from "./check-announcement";

describe("the check's announcement", () => {
  it("says every count and whether launch is blocked", () => {
    const counts = { valid: 2950, invalid: 40, duplicate: 8, suppressed: 2 };
    expect(checkAnnouncement({ counts, blocking: [] } as never)).toBe("Check finished: 2,950 valid, 40 invalid, 8 duplicate, 2 suppressed.");
    expect(checkAnnouncement({ counts, blocking: ["no valid recipients"] } as never)).toMatch(/Launch is blocked\.$/);
  });
});
