import { describe, expect, it } from "vitest";
import { whatsAppLimitReason } from "./whatsapp-limit";

describe("the WhatsApp daily limit's waiting reason", () => {
  it("names the limit, its window and, rounded up to the minute, when more can go", () => {
    const at = Date.UTC(2025, 5, 1, 14, 4, 10);
    expect(whatsAppLimitReason(250, 24 * 3_600_000, at)).toBe("waiting for the WhatsApp daily limit (250 customers per 24 h): more can go from 14:05 UTC");
    expect(whatsAppLimitReason(10_000, 24 * 3_600_000, Date.UTC(2025, 5, 1, 23, 59, 30))).toBe(
      "waiting for the WhatsApp daily limit (10,000 customers per 24 h): more can go from 00:00 UTC",
    );
    expect(whatsAppLimitReason(250, 24 * 3_600_000, Date.UTC(2025, 5, 1, 9, 5, 0))).toMatch(/from 09:05 UTC$/);
  });

  it("leaves the time out while it is not known yet", () => {
    expect(whatsAppLimitReason(2_000, 24 * 3_600_000, undefined)).toBe("waiting for the WhatsApp daily limit (2,000 customers per 24 h)");
    expect(whatsAppLimitReason(250, 15_000, undefined)).toBe("waiting for the WhatsApp daily limit (250 customers per 15 s)");
  });
});
