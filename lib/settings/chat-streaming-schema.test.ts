// The chat streaming schema (shared by the Settings form and the action), the default topic per mode, and the tolerant
// reading of what is stored.
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/errors";
import { defaultTopicArn, parseChatStreaming, topicFor } from "./chat-streaming";
import { chatStreamingSchema, localTopicArn } from "./chat-streaming-schema";

const INSTANCE = "arn:aws:connect:eu-west-2:111122223333:instance/aaaa";
const TOPIC = "arn:aws:sns:eu-west-2:111122223333:chats";

describe("the chat streaming schema", () => {
  it("trims topics and keeps an empty one as off", () => {
    expect(chatStreamingSchema({ aaaa: INSTANCE }).parse({ instances: [{ instanceId: "aaaa", topicArn: ` ${TOPIC} ` }] })).toEqual({
      instances: [{ instanceId: "aaaa", topicArn: TOPIC }],
    });
    expect(chatStreamingSchema().parse({ instances: [{ instanceId: "aaaa", topicArn: "  " }] }).instances[0]!.topicArn).toBe("");
  });

  it("holds a topic to its instance's Region and partition only when it knows the instance", () => {
    const elsewhere = "arn:aws:sns:us-west-2:111122223333:chats";
    expect(chatStreamingSchema().safeParse({ instances: [{ instanceId: "aaaa", topicArn: elsewhere }] }).success).toBe(true);
    const known = chatStreamingSchema({ aaaa: INSTANCE }).safeParse({ instances: [{ instanceId: "aaaa", topicArn: elsewhere }] });
    expect(known.success ? {} : fieldErrors(known.error)).toEqual({
      "instances.0.topicArn": "The topic is in us-west-2; Connect streams only to a topic in the instance's Region, eu-west-2",
    });
    const china = chatStreamingSchema({ aaaa: INSTANCE }).safeParse({
      instances: [{ instanceId: "aaaa", topicArn: "arn:aws-cn:sns:eu-west-2:111122223333:chats" }],
    });
    expect(china.success).toBe(false);
  });

  it("refuses topic names SNS does not allow and ARNs longer than Connect takes", () => {
    for (const topicArn of [
      "arn:aws:sns:eu-west-2:111122223333:has space",
      "arn:aws:sns:eu-west-2:1111:chats",
      `arn:aws:sns:eu-west-2:111122223333:${"x".repeat(330)}`,
    ]) {
      expect(chatStreamingSchema().safeParse({ instances: [{ instanceId: "aaaa", topicArn }] }).success).toBe(false);
    }
  });
});

describe("the topic an instance streams to", () => {
  it("is local Connect's chat-stream topic in the instance's account and Region in local mode, and none against AWS", () => {
    expect(localTopicArn(INSTANCE)).toBe("arn:aws:sns:eu-west-2:111122223333:chat-stream");
    expect(defaultTopicArn("aws", INSTANCE)).toBe("");
    const instance = { id: "aaaa", arn: INSTANCE };
    expect(topicFor({ topics: {} }, "local", instance)).toBe("arn:aws:sns:eu-west-2:111122223333:chat-stream");
    expect(topicFor({ topics: { aaaa: "" } }, "local", instance)).toBe("");
    expect(topicFor({ topics: { aaaa: TOPIC } }, "aws", instance)).toBe(TOPIC);
  });

  it("reads a stored value entry by entry, dropping what is not a topic", () => {
    expect(parseChatStreaming("garbage")).toEqual({ topics: {} });
    expect(parseChatStreaming({ topics: { a: TOPIC, b: "", c: 7, d: "arn:aws:sns:eu-west-2:111122223333:x.fifo", "": TOPIC } })).toEqual({
      topics: { a: TOPIC, b: "" },
    });
  });
});
