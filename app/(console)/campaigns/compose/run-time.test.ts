import { describe, expect, it } from "vitest";
import { runTime } from "./run-time";

const summary = (valid: number, sendsPerSecond: number, quota: number, chatMinutes: number) => ({
  counts: { valid, invalid: 0, duplicate: 0, suppressed: 0 },
  sendsPerSecond,
  estimatedSeconds: Math.ceil(valid / sendsPerSecond),
  concurrentChatQuota: quota,
  projectedOpenChats: Math.min(valid, Math.ceil(sendsPerSecond * chatMinutes * 60)),
});

describe("run time", () => {
  it("is the rate's time while the open chats stay under the quota", () => {
    expect(runTime(summary(400, 5, 500, 60), 60)).toEqual({ fastest: 80, slowest: 80 });
  });

  it("spans up to waves of a quota's worth of chats, each waiting out the chat duration, when the quota binds", () => {
    // 2,625 recipients at 5/s with 500 open chats of 60 minutes: 6 waves, the last of 125 chats.
    expect(runTime(summary(2625, 5, 500, 60), 60)).toEqual({ fastest: 525, slowest: 5 * 3600 + 25 });
  });
});
