// Which SNS topic Connect streams an instance's chats to (admin guide, "Enable real-time chat message streaming"): only a
// standard topic in the instance's own Region. Without zod, so the Settings form can show the example and the rules
// without loading the schema (chat-streaming-schema.ts) with the page.

/** StartContactStreaming's limit on StreamingEndpointArn. */
export const TOPIC_ARN_MAX = 350;
/** The topic local Connect creates at start and subscribes its chat-stream queue to (contract-streaming.md S.5). */
export const LOCAL_TOPIC_NAME = "chat-stream";

const SNS_ARN = /^arn:(aws[a-z-]*):sns:([a-z0-9-]+):(\d{12}):(.+)$/;
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const INSTANCE_ARN = /^arn:(aws[a-z-]*):connect:([a-z0-9-]+):(\d{12}):instance\/(.+)$/;

export const EXAMPLE_TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:chat-stream";

export interface ArnParts {
  partition: string;
  region: string;
  account: string;
}

/** Partition, Region and account of a Connect instance ARN; undefined when it is not one. */
export function instanceArnParts(instanceArn: string): ArnParts | undefined {
  const m = INSTANCE_ARN.exec(instanceArn);
  return m ? { partition: m[1]!, region: m[2]!, account: m[3]! } : undefined;
}

/** Local Connect's chat-stream topic, in the account and Region of the instance (the simulator's seed). */
export function localTopicArn(instanceArn: string): string {
  const p = instanceArnParts(instanceArn);
  return p ? `arn:${p.partition}:sns:${p.region}:${p.account}:${LOCAL_TOPIC_NAME}` : "";
}

/** Why Connect would refuse this topic for the instance (its Region is not checked when the instance is unknown), or null. */
export function topicArnProblem(arn: string, instance: ArnParts | undefined): string | null {
  const m = SNS_ARN.exec(arn);
  const name = m?.[4] ?? "";
  if (name.endsWith(".fifo")) return "A FIFO topic cannot receive chats: Connect streams to standard SNS topics only";
  if (!m || !TOPIC_NAME.test(name)) return `Not an SNS topic ARN; write it as ${EXAMPLE_TOPIC_ARN}`;
  if (instance && (m[1] !== instance.partition || m[2] !== instance.region)) {
    return `The topic is in ${m[2]}; Connect streams only to a topic in the instance's Region, ${instance.region}`;
  }
  return null;
}
