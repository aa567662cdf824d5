// The campaign page says which send window and caps a campaign keeps to, and that defaults follow today's Settings.
import { describe, expect, it } from "vitest";
import type { SendWindow } from "@/lib/settings/send-window-math";
import { frequencyCapLine, sendWindowLine } from "./guardrail-words";

const weekdays: SendWindow = {
  days: {
    mon: { from: "09:00", to: "20:00" },
    tue: { from: "09:00", to: "20:00" },
    wed: { from: "09:00", to: "20:00" },
    thu: { from: "09:00", to: "20:00" },
    fri: { from: "09:00", to: "20:00" },
    sat: null,
    sun: null,
  },
  blockedDates: ["2026-12-25"],
} as SendWindow;

describe("guardrail words", () => {
  it("names the Settings window a default campaign follows, or none", () => {
    expect(sendWindowLine({}, weekdays)).toBe("Settings default, now Mon–Fri 09:00–20:00, Sat–Sun closed; 1 blocked date");
    expect(sendWindowLine({ sendWindow: "default" }, null)).toBe("Settings default, now none: any time");
    expect(sendWindowLine({ sendWindow: "none" }, weekdays)).toBe("None: any time (service notice)");
    expect(sendWindowLine({ sendWindow: weekdays }, null)).toBe("Own: Mon–Fri 09:00–20:00, Sat–Sun closed; 1 blocked date");
  });

  it("names the caps in force, the campaign's own on top, and exemption", () => {
    const daily = { count: 1, windowHours: 24, whenCapped: "skip" as const };
    const weekly = { count: 3, windowHours: 168, whenCapped: "wait" as const };
    expect(frequencyCapLine({}, [daily])).toBe("Settings, now at most 1 per day (then skip)");
    expect(frequencyCapLine({ frequencyCapRules: [weekly] }, [])).toBe("Settings, now none and its own: at most 3 per 7 days (then wait)");
    expect(frequencyCapLine({ frequencyCap: "exempt", frequencyCapRules: [weekly] }, [daily])).toBe("Exempt (service notice)");
  });
});
