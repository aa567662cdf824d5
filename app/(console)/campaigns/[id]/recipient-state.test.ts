import { describe, expect, it } from "vitest";
import { recipientRowState } from "./recipient-state";

const row = { sendStatus: "pending", preflightStatus: "valid", reason: null, waitKind: null, waitReason: null } as const;

describe("recipientRowState", () => {
  it("says Waiting, with what for and until when, for a pending row held back", () => {
    const words = "waiting for send window (opens 09:00 America/Chicago)";
    expect(recipientRowState({ ...row, waitKind: "send_window", waitReason: words })).toEqual({
      label: "Waiting",
      tone: "warning",
      waitingFor: "send_window",
      detail: words,
    });
    expect(recipientRowState({ ...row, waitKind: "frequency_cap", waitReason: null })).toMatchObject({
      label: "Waiting",
      waitingFor: "frequency_cap",
      detail: "waiting for the frequency cap",
    });
  });

  it("says Pending for a pending row that waits for nothing but its turn", () => {
    expect(recipientRowState(row)).toEqual({ label: "Pending", tone: "info", waitingFor: null, detail: null });
  });

  it("shows no wait on a row that has moved on, even with a kind left on it", () => {
    expect(recipientRowState({ ...row, sendStatus: "sent", waitKind: "send_window", waitReason: "waiting for send window" })).toEqual({
      label: "Sent",
      tone: "success",
      waitingFor: null,
      detail: null,
    });
  });

  it("gives a skipped row its reason, and a never-sendable row its preflight status and reason", () => {
    expect(recipientRowState({ ...row, sendStatus: "skipped", reason: "send window never opens" })).toMatchObject({
      label: "Skipped",
      tone: "neutral",
      detail: "send window never opens",
    });
    expect(recipientRowState({ ...row, sendStatus: null, preflightStatus: "suppressed", reason: "on the suppression list" })).toMatchObject({
      label: "Suppressed",
      detail: "on the suppression list",
    });
    expect(recipientRowState({ ...row, sendStatus: null, preflightStatus: "invalid", reason: "too short for US" })).toMatchObject({
      label: "Invalid",
      tone: "warning",
    });
  });
});
