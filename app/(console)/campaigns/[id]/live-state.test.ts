import { describe, expect, it } from "vitest";
import { headerTimes } from "./header-times";
import { FAST_POLL_MS, QUIET_POLL_MS, SETTLED_POLL_MS, liveRecipientCounts, livePollMs, liveVersion, type LiveProgress } from "./live-state";

const counts = (over: Partial<LiveProgress["counts"]> = {}): LiveProgress["counts"] => ({
  pending: 0,
  sending: 0,
  sent: 0,
  failed: 0,
  skipped: 0,
  total: 0,
  ...over,
});

const now = Date.parse("2026-05-01T12:00:00Z");

describe("livePollMs", () => {
  it("reads every second while sending, or about to", () => {
    expect(livePollMs({ status: "running", counts: counts({ pending: 5 }), scheduledAt: null }, now)).toBe(FAST_POLL_MS);
    expect(livePollMs({ status: "scheduled", counts: counts({ pending: 5 }), scheduledAt: "2026-05-01T12:00:30Z" }, now)).toBe(FAST_POLL_MS);
    expect(livePollMs({ status: "paused", counts: counts({ sending: 2 }), scheduledAt: null }, now)).toBe(FAST_POLL_MS);
  });

  it("reads less often when nothing moves on its own, and stops once a campaign can no longer move", () => {
    expect(livePollMs({ status: "scheduled", counts: counts({ pending: 5 }), scheduledAt: "2026-05-01T15:00:00Z" }, now)).toBe(QUIET_POLL_MS);
    expect(livePollMs({ status: "paused", counts: counts({ pending: 5 }), scheduledAt: null }, now)).toBe(QUIET_POLL_MS);
    expect(livePollMs({ status: "completed", counts: counts({ sent: 5 }), scheduledAt: null }, now)).toBe(SETTLED_POLL_MS);
    expect(livePollMs({ status: "cancelled", counts: counts({ skipped: 5 }), scheduledAt: null }, now)).toBe(false);
    expect(livePollMs({ status: "draft", counts: counts(), scheduledAt: null }, now)).toBe(false);
  });

  it("follows a cancel until its rows are skipped and its sends in flight have landed", () => {
    expect(livePollMs({ status: "cancelled", counts: counts({ pending: 900, skipped: 100 }), scheduledAt: null }, now)).toBe(FAST_POLL_MS);
    expect(livePollMs({ status: "cancelled", counts: counts({ sending: 1, skipped: 99 }), scheduledAt: null }, now)).toBe(FAST_POLL_MS);
    expect(livePollMs({ status: "completed", counts: counts({ sending: 1 }), scheduledAt: null }, now)).toBe(FAST_POLL_MS);
  });
});

describe("liveVersion", () => {
  const base = {
    status: "running",
    counts: counts({ pending: 8, sending: 2, sent: 90, total: 100 }),
    waiting: { sendWindow: 0, frequencyCap: 0 },
    errors: [] as LiveProgress["errors"],
  };

  it("stays put while nothing moves", () => {
    expect(liveVersion(base)).toBe(liveVersion({ ...base, counts: { ...base.counts } }));
  });

  it("moves with a send, a wait, a status and an error, even one that leaves the counts as they were", () => {
    const v = liveVersion(base);
    expect(liveVersion({ ...base, counts: { ...base.counts, sending: 1, sent: 91 } })).not.toBe(v);
    expect(liveVersion({ ...base, waiting: { sendWindow: 1, frequencyCap: 0 } })).not.toBe(v);
    expect(liveVersion({ ...base, status: "paused" })).not.toBe(v);
    const error = { name: "ThrottlingException", count: 3, failed: 0, lastMessage: null, lastAt: "2026-05-01T12:00:00.000Z" };
    const withError = liveVersion({ ...base, errors: [error] });
    expect(withError).not.toBe(v);
    // One row claimed while another went back to pending after a retryable error: same counts, a later error time.
    expect(liveVersion({ ...base, errors: [{ ...error, lastAt: "2026-05-01T12:00:01.000Z" }] })).not.toBe(withError);
  });
});

describe("liveRecipientCounts", () => {
  const initial = { total: 110, pending: 100, sending: 0, sent: 0, failed: 0, skipped: 0, invalid: 7, duplicate: 2, suppressed: 1 };

  it("takes the send counts from the live read and keeps the rows never sendable", () => {
    expect(liveRecipientCounts(initial, counts({ pending: 8, sending: 1, sent: 88, failed: 2, skipped: 1, total: 100 }))).toEqual({
      total: 110,
      pending: 8,
      sending: 1,
      sent: 88,
      failed: 2,
      skipped: 1,
      invalid: 7,
      duplicate: 2,
      suppressed: 1,
    });
  });

  it("shows the page's own counts until the first live read", () => {
    expect(liveRecipientCounts(initial, null)).toBe(initial);
  });
});

describe("headerTimes", () => {
  const t = { scheduledAt: "2026-05-01T14:00:00.000Z", startedAt: null, finishedAt: null };
  const starts = { label: "Starts", at: "2026-05-01T14:00:00.000Z" };

  it("says when a scheduled campaign starts, never that it launched", () => {
    expect(headerTimes({ ...t, status: "scheduled" })).toEqual([starts]);
    expect(headerTimes({ ...t, status: "paused" })).toEqual([starts]);
  });

  it("says when sending started and when it ended", () => {
    const started = { ...t, startedAt: "2026-05-01T14:00:00.000Z" };
    expect(headerTimes({ ...started, status: "running" })).toEqual([{ label: "Started", at: started.startedAt }]);
    expect(headerTimes({ ...started, status: "completed", finishedAt: "2026-05-01T15:23:10.000Z" })).toEqual([
      { label: "Started", at: started.startedAt },
      { label: "Finished", at: "2026-05-01T15:23:10.000Z" },
    ]);
    expect(headerTimes({ ...t, status: "cancelled", finishedAt: "2026-05-01T13:00:00.000Z" })).toEqual([
      { label: "Cancelled", at: "2026-05-01T13:00:00.000Z" },
    ]);
    expect(headerTimes({ ...t, status: "draft", scheduledAt: null })).toEqual([]);
  });
});
