// CHAT_STREAM_QUEUE_URL: which queue the console and the workers read the chat stream from.
import { describe, expect, it } from "vitest";
import { ConfigError, loadEnv } from "@/lib/env-schema";
import { chatStreamSourceFromEnv, regionOfQueueUrl } from "./consumer-env";

const load = (vars: Record<string, string>) => loadEnv({ NODE_ENV: "test", ...vars });
const SIMULATOR = "http://127.0.0.1:4599";
const AWS_QUEUE = "https://sqs.eu-west-2.amazonaws.com/123456789012/connect-chats";

describe("CHAT_STREAM_QUEUE_URL", () => {
  it("in local mode defaults to the simulator's chat-stream queue, read through the simulator", () => {
    expect(chatStreamSourceFromEnv(load({}), SIMULATOR)).toEqual({ queue: { name: "chat-stream" }, region: "us-east-1", endpoint: SIMULATOR });
    expect(chatStreamSourceFromEnv(load({ CHAT_STREAM_QUEUE_URL: "" }), SIMULATOR)?.queue).toEqual({ name: "chat-stream" });
    const other = `${SIMULATOR}/123456789012/audit`;
    expect(chatStreamSourceFromEnv(load({ CHAT_STREAM_QUEUE_URL: other }), SIMULATOR)).toMatchObject({ queue: { url: other }, endpoint: SIMULATOR });
  });

  it("in aws mode reads only a queue it is given, signed for the queue's own region", () => {
    expect(chatStreamSourceFromEnv(load({ CONNECT_MODE: "aws" }), undefined)).toBeUndefined();
    expect(chatStreamSourceFromEnv(load({ CONNECT_MODE: "aws", AWS_REGION: "eu-central-1", CHAT_STREAM_QUEUE_URL: AWS_QUEUE }), undefined)).toEqual({
      queue: { url: AWS_QUEUE },
      region: "eu-west-2",
    });
    const vpce = "https://vpce-0abc.sqs.eu-central-1.vpce.amazonaws.com/123456789012/chats";
    expect(chatStreamSourceFromEnv(load({ CONNECT_MODE: "aws", AWS_REGION: "eu-central-1", CHAT_STREAM_QUEUE_URL: vpce }), undefined)?.region).toBe(
      "eu-central-1",
    );
  });

  it("off reads nothing in either mode", () => {
    expect(chatStreamSourceFromEnv(load({ CHAT_STREAM_QUEUE_URL: "off" }), SIMULATOR)).toBeUndefined();
    expect(chatStreamSourceFromEnv(load({ CONNECT_MODE: "aws", CHAT_STREAM_QUEUE_URL: "off" }), undefined)).toBeUndefined();
  });

  it("refuses anything but an http(s) URL or off, naming the variable", () => {
    expect(() => load({ CHAT_STREAM_QUEUE_URL: "chat-stream" })).toThrow(ConfigError);
    expect(() => load({ CHAT_STREAM_QUEUE_URL: "sqs://queue" })).toThrow(/CHAT_STREAM_QUEUE_URL/);
  });

  it("finds the region in both forms of SQS queue URL", () => {
    expect(regionOfQueueUrl(AWS_QUEUE)).toBe("eu-west-2");
    expect(regionOfQueueUrl("https://ap-southeast-2.queue.amazonaws.com/123456789012/q")).toBe("ap-southeast-2");
    expect(regionOfQueueUrl("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q")).toBe("cn-north-1");
    expect(regionOfQueueUrl(`${SIMULATOR}/123456789012/chat-stream`)).toBeUndefined();
  });
});
