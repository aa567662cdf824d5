import { describe, expect, it } from "vitest";
import { cancelWords, unscheduleWords } from "./control-words";

const counts = { pending: 1_240, sending: 0, sent: 500, failed: 0, total: 1_740 };

describe("cancel words", () => {
  it("names the campaign and counts the recipients it skips", () => {
    expect(cancelWords("Spring sale", counts)).toEqual({
      title: 'Cancel "Spring sale"?',
      confirmLabel: "Cancel campaign",
      body: "1,240 recipients not yet sent will be skipped. This cannot be undone.",
    });
  });

  it("says all are skipped when none was sent, and one in the singular", () => {
    expect(cancelWords("A", { ...counts, pending: 1_740, sent: 0 }).body).toMatch(/^All 1,740 recipients not yet sent will be skipped\./);
    expect(cancelWords("A", { ...counts, pending: 1 }).body).toMatch(/^1 recipient not yet sent/);
  });

  it("mentions sends in flight and failures that can no longer be retried", () => {
    const body = cancelWords(undefined, { ...counts, sending: 12, failed: 3 }).body;
    expect(body).toBe(
      "1,240 recipients not yet sent will be skipped. The 12 being sent right now finish. The 3 that failed can no longer be retried. This cannot be undone.",
    );
  });

  it("says the campaign just stops when nothing is left, and falls back without live counts", () => {
    expect(cancelWords("A", { ...counts, pending: 0 }).body).toMatch(
      /^No recipient is left waiting to be sent; the campaign just stops\. This cannot be undone\.$/,
    );
    const w = cancelWords(undefined, undefined);
    expect(w.title).toBe("Cancel this campaign?");
    expect(w.body).toBe("Every recipient not yet sent will be skipped. This cannot be undone.");
  });
});

describe("unschedule words", () => {
  it("names the campaign when known", () => {
    expect(unscheduleWords("Spring sale").title).toBe('Send "Spring sale" back to draft?');
    expect(unscheduleWords(undefined)).toMatchObject({ title: "Send this campaign back to draft?", confirmLabel: "Back to draft" });
  });
});
