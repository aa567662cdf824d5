import { describe, expect, it } from "vitest";
import { isOpen, nextOpening, openIntervals, waitingWords, wallTimeToInstant, type SendWindow } from "@/lib/settings/send-window-math";
import { sendWindowChoiceSchema, sendWindowWords, windowForCampaign } from "@/lib/settings/send-window-schema";

const weekdays = (from: string, to: string) => ({ from, to });
// Mon–Fri 09:00–20:00, Sat 10:00–16:00, Sun closed.
const office: SendWindow = {
  days: {
    mon: weekdays("09:00", "20:00"),
    tue: weekdays("09:00", "20:00"),
    wed: weekdays("09:00", "20:00"),
    thu: weekdays("09:00", "20:00"),
    fri: weekdays("09:00", "20:00"),
    sat: weekdays("10:00", "16:00"),
    sun: null,
  },
  blockedDates: [],
};
const at = (iso: string) => new Date(iso);

describe("send window in one zone", () => {
  it("is open inside the local hours and closed outside, by the recipient's clock", () => {
    // 14:00Z on Wed 2026-03-04 is 08:00 in Chicago (closed) and 15:00 in Paris (open).
    expect(isOpen(office, ["America/Chicago"], at("2026-03-04T14:00:00Z"))).toBe(false);
    expect(isOpen(office, ["Europe/Paris"], at("2026-03-04T14:00:00Z"))).toBe(true);
    expect(nextOpening(office, ["America/Chicago"], at("2026-03-04T14:00:00Z"))?.toISOString()).toBe("2026-03-04T15:00:00.000Z");
  });

  it("the end is exclusive and a closed Sunday waits for Monday", () => {
    expect(isOpen(office, ["UTC"], at("2026-03-07T15:59:00Z"))).toBe(true);
    expect(isOpen(office, ["UTC"], at("2026-03-07T16:00:00Z"))).toBe(false);
    expect(nextOpening(office, ["UTC"], at("2026-03-07T16:00:00Z"))?.toISOString()).toBe("2026-03-09T09:00:00.000Z");
  });

  it("no window is always open", () => {
    const now = at("2026-03-08T03:00:00Z");
    expect(isOpen(null, ["Pacific/Honolulu"], now)).toBe(true);
    expect(nextOpening(null, ["Pacific/Honolulu"], now)).toBe(now);
  });

  it("a window closed every day never opens", () => {
    const closed: SendWindow = { days: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null }, blockedDates: [] };
    expect(nextOpening(closed, ["UTC"], at("2026-03-04T10:00:00Z"))).toBeNull();
  });
});

describe("across DST switches", () => {
  it("a week crossing the US spring switch (8 March 2026) opens at 09:00 local on both sides", () => {
    const zone = ["America/New_York"];
    // Fri 6 March, EST (UTC−5): 09:00 is 14:00Z.
    expect(nextOpening(office, zone, at("2026-03-06T12:00:00Z"))?.toISOString()).toBe("2026-03-06T14:00:00.000Z");
    // Sat 7 March after 16:00 EST: Sunday closed, the switch happens, Monday 09:00 EDT (UTC−4) is 13:00Z.
    expect(nextOpening(office, zone, at("2026-03-07T22:00:00Z"))?.toISOString()).toBe("2026-03-09T13:00:00.000Z");
    expect(isOpen(office, zone, at("2026-03-09T12:59:00Z"))).toBe(false);
    expect(isOpen(office, zone, at("2026-03-09T13:00:00Z"))).toBe(true);
    // 20:00 EDT on Monday is 00:00Z Tuesday.
    expect(isOpen(office, zone, at("2026-03-09T23:59:00Z"))).toBe(true);
    expect(isOpen(office, zone, at("2026-03-10T00:00:00Z"))).toBe(false);
  });

  it("a week crossing the EU autumn switch (25 October 2026) keeps local hours", () => {
    const zone = ["Europe/Berlin"];
    // Fri 23 Oct, CEST (UTC+2): 09:00 is 07:00Z. Mon 26 Oct, CET (UTC+1): 09:00 is 08:00Z.
    expect(nextOpening(office, zone, at("2026-10-23T05:00:00Z"))?.toISOString()).toBe("2026-10-23T07:00:00.000Z");
    expect(nextOpening(office, zone, at("2026-10-24T15:00:00Z"))?.toISOString()).toBe("2026-10-26T08:00:00.000Z");
    expect(isOpen(office, zone, at("2026-10-26T07:30:00Z"))).toBe(false);
  });

  it("a window opening inside the skipped hour opens when the clocks jump, and a repeated hour opens the first time", () => {
    const night: SendWindow = { ...office, days: { ...office.days, sun: weekdays("02:30", "05:00") } };
    // Sun 8 March 2026, New York: 02:00 EST jumps to 03:00 EDT at 07:00Z.
    expect(nextOpening(night, ["America/New_York"], at("2026-03-08T05:00:00Z"))?.toISOString()).toBe("2026-03-08T07:00:00.000Z");
    // Sun 1 Nov 2026: 01:30 happens twice in New York; the first is 05:30Z (EDT).
    expect(new Date(wallTimeToInstant("America/New_York", Date.UTC(2026, 10, 1) / 86_400_000, 90)).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });
});

describe("several zones: the most restrictive wins", () => {
  const zones = ["America/New_York", "America/Los_Angeles"];
  it("is open only where both are open", () => {
    // 14:00Z Wed is 09:00 in New York but 06:00 in Los Angeles.
    expect(isOpen(office, zones, at("2026-03-04T14:00:00Z"))).toBe(false);
    expect(nextOpening(office, zones, at("2026-03-04T14:00:00Z"))?.toISOString()).toBe("2026-03-04T17:00:00.000Z");
    // 20:00 New York is 01:00Z Thursday; Los Angeles is still open but New York is not.
    expect(isOpen(office, zones, at("2026-03-05T01:00:00Z"))).toBe(false);
  });

  it("names the zone that opens last in the reason", () => {
    const now = at("2026-03-04T14:00:00Z");
    const opening = nextOpening(office, zones, now)!;
    expect(waitingWords(office, zones, opening, now)).toBe("waiting for send window (opens 09:00 America/Los_Angeles)");
  });

  it("zones whose hours never overlap never open", () => {
    const short: SendWindow = {
      ...office,
      days: {
        ...office.days,
        mon: weekdays("09:00", "10:00"),
        tue: weekdays("09:00", "10:00"),
        wed: weekdays("09:00", "10:00"),
        thu: weekdays("09:00", "10:00"),
        fri: weekdays("09:00", "10:00"),
        sat: null,
      },
    };
    expect(nextOpening(short, ["Europe/London", "Asia/Tokyo"], at("2026-03-04T00:00:00Z"))).toBeNull();
  });

  it("open intervals over a day are the overlap", () => {
    const spans = openIntervals(office, zones, at("2026-03-04T00:00:00Z"), at("2026-03-05T00:00:00Z"));
    // Tuesday evening's overlap runs until 20:00 New York (01:00Z), Wednesday's from 09:00 Los Angeles.
    expect(spans.map((s) => [s.start.toISOString(), s.end.toISOString()])).toEqual([
      ["2026-03-04T00:00:00.000Z", "2026-03-04T01:00:00.000Z"],
      ["2026-03-04T17:00:00.000Z", "2026-03-05T00:00:00.000Z"],
    ]);
  });
});

describe("blocked dates", () => {
  it("are closed all day in the recipient's local calendar", () => {
    const holiday: SendWindow = { ...office, blockedDates: ["2026-12-25"] };
    // 01:00Z on 25 Dec is already 10:00 on the 25th in Tokyo; 00:30Z is still 19:30 on the 24th in New York.
    expect(isOpen(holiday, ["Asia/Tokyo"], at("2026-12-25T01:00:00Z"))).toBe(false);
    expect(isOpen(holiday, ["America/New_York"], at("2026-12-25T00:30:00Z"))).toBe(true);
    expect(nextOpening(holiday, ["UTC"], at("2026-12-25T10:00:00Z"))?.toISOString()).toBe("2026-12-26T10:00:00.000Z");
  });
});

describe("the campaign's choice", () => {
  it("default follows Settings, none sends any time, a custom window is its own", () => {
    const setting = { window: office };
    expect(windowForCampaign(setting, undefined)).toBe(office);
    expect(windowForCampaign(setting, "default")).toBe(office);
    expect(windowForCampaign(setting, "none")).toBeNull();
    const own = sendWindowChoiceSchema.parse({ days: { ...office.days, sun: weekdays("12:00", "13:00") }, blockedDates: [] });
    expect(windowForCampaign(setting, own)).toEqual(own);
  });

  it("rejects hours that end before they start, and says so", () => {
    const bad = sendWindowChoiceSchema.safeParse({ days: { ...office.days, mon: weekdays("20:00", "09:00") }, blockedDates: [] });
    expect(bad.success).toBe(false);
  });

  it("reads in words", () => {
    expect(sendWindowWords(office)).toBe("Mon–Fri 09:00–20:00, Sat 10:00–16:00, Sun closed");
    expect(sendWindowWords(null)).toBe("Any time");
  });
});

describe("preflight's count", () => {
  it("says how many are outside their window at the start and when the next opens", async () => {
    const { createSendWindowTally, summarizeSendWindow, sendWindowWarnings, planWindows } = await import("./send-window-preflight");
    const zonesByNumber: Record<string, string[]> = { "+1312": ["America/Chicago"], "+4930": ["Europe/Berlin"] };
    const tally = createSendWindowTally(office, (n) => zonesByNumber[n.slice(0, 5)] ?? []);
    for (let i = 0; i < 1_200; i++) tally.add(`+1312555${i}`);
    for (let i = 0; i < 1_800; i++) tally.add(`+4930555${i}`);
    // Wed 4 March 12:00Z: 13:00 in Berlin (open), 06:00 in Chicago (opens 09:00 CST, 15:00Z).
    const now = at("2026-03-04T12:00:00Z");
    const facts = tally.facts();
    const summary = summarizeSendWindow(facts, now);
    expect(summary).toEqual({
      sendableAtStart: 1_800,
      waiting: 1_200,
      neverOpens: 0,
      nextOpening: { at: "2026-03-04T15:00:00.000Z", zone: "America/Chicago", clock: "09:00" },
    });
    expect(sendWindowWarnings(summary, 3_000, now, false)).toEqual([
      "1,200 of 3,000 are outside their send window now; the next opens at 09:00 America/Chicago (in 3 h). They wait and are sent when it opens",
    ]);
    // The planner sends within Berlin's hours, where most rows are.
    expect(planWindows(facts, now)?.[0]).toEqual({ start: now, end: at("2026-03-04T19:00:00Z") });
  });

  it("counts a row with its own time zone in that zone, asking the lookup once per zone, not per row", async () => {
    const { createSendWindowTally } = await import("./send-window-preflight");
    const { recipientZones } = await import("./send-window-zones");
    let asked = 0;
    const tally = createSendWindowTally(office, (e164, timeZone) => {
      asked++;
      return recipientZones(e164, timeZone);
    });
    for (let i = 0; i < 500; i++) tally.add(`+1212555${String(1000 + i)}`, "Asia/Tokyo");
    for (let i = 0; i < 300; i++) tally.add(`+1212555${String(2000 + i)}`);
    tally.add("+12125553000", "Europe/Berlin");
    expect(tally.facts().zoneSets).toEqual([
      { zones: ["Asia/Tokyo"], count: 500 },
      { zones: ["America/New_York"], count: 300 },
      { zones: ["Europe/Berlin"], count: 1 },
    ]);
    expect(asked).toBe(1 + 300 + 1);
  });
});
