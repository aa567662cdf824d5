// What the contact page says about a chat's stream: true for each way a chat is or is not streamed.
import { describe, expect, it } from "vitest";
import { streamStatusOf, type StreamContext } from "./transcript-status";

const now = new Date("2025-05-02T12:00:00Z");
const contact = {
  state: "open" as const,
  createdAt: new Date("2025-05-02T11:59:00Z"),
  streamStatus: null,
  streamingId: null,
  streamTopicArn: null,
  streamAttempts: 0,
  streamNextAttemptAt: null,
  streamError: null,
};
const local: StreamContext = { mode: "local", instanceTopic: undefined, readsQueue: true, maxAgeMs: 24 * 3_600_000, now };
const aws: StreamContext = { ...local, mode: "aws" };

describe("a chat's stream status", () => {
  it("names why a chat is not streamed", () => {
    expect(streamStatusOf(contact, aws)).toMatchObject({
      state: "not_streamed",
      text: "This chat is not streamed: No SNS topic is set for this instance (Settings → Chat streaming).",
    });
    expect(streamStatusOf(contact, { ...local, instanceTopic: "" }).text).toBe(
      "This chat is not streamed: Streaming is off for this instance (Settings → Chat streaming).",
    );
    expect(streamStatusOf({ ...contact, state: "ended" }, local).text).toBe("This chat is not streamed: The chat ended before its stream was started.");
    expect(streamStatusOf({ ...contact, createdAt: new Date("2025-04-30T12:00:00Z") }, local).text).toBe(
      "This chat is not streamed: Recorded more than 24 hours ago: only newer chats are streamed.",
    );
  });

  it("says a stream is on its way, started, or failed and why", () => {
    expect(streamStatusOf(contact, { ...aws, instanceTopic: "arn:aws:sns:us-east-1:123456789012:t" })).toMatchObject({
      state: "starting",
      text: "Waiting for the stream to be started.",
    });
    const retrying = { ...contact, streamStatus: "pending", streamAttempts: 2, streamError: "InternalServiceException: try again" };
    expect(streamStatusOf(retrying, local).text).toBe("Starting the stream failed (2 attempts) and will be tried again: InternalServiceException: try again");
    expect(streamStatusOf({ ...contact, streamStatus: "started", streamingId: "s-1" }, local)).toMatchObject({ state: "started", text: "Streaming started." });
    expect(streamStatusOf({ ...contact, streamStatus: "started" }, { ...local, readsQueue: false }).text).toMatch(/reads no stream queue/);
    expect(streamStatusOf({ ...contact, streamStatus: "failed", streamError: "ResourceNotFoundException: no topic" }, local)).toMatchObject({
      state: "failed",
      text: "Streaming failed: ResourceNotFoundException: no topic",
    });
  });
});
