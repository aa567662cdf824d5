// Chat streaming per Connect instance: the SNS topic each instance's chats are streamed to. Pure: shared by the form and
// the action. Connect streams only to a standard topic in the instance's own Region (admin guide, "Enable real-time
// chat message streaming"); an empty topic turns streaming off for the instance.
import { z } from "zod";
import { instanceArnParts, TOPIC_ARN_MAX, topicArnProblem } from "./chat-streaming-topics";

export * from "./chat-streaming-topics";

const instanceRow = z.object({
  instanceId: z.string().trim().min(1, "Choose a Connect instance").max(100, "Not a Connect instance id"),
  /** Empty: this instance's chats are not streamed. */
  topicArn: z.string().trim().max(TOPIC_ARN_MAX, `At most ${TOPIC_ARN_MAX} characters`),
});

/**
 * The topics for the instances the admin saw; an instance left out keeps its topic. `instanceArns` (id → instance ARN,
 * as Connect lists them), when given, also holds each topic to its instance's Region and refuses instances not in it.
 */
export function chatStreamingSchema(instanceArns?: Readonly<Record<string, string>>) {
  return z.object({
    instances: z
      .array(instanceRow)
      .max(1_000, "At most 1,000 instances at once")
      .superRefine((rows, ctx) => {
        const seen = new Set<string>();
        rows.forEach((row, i) => {
          if (seen.has(row.instanceId)) ctx.addIssue({ code: "custom", path: [i, "instanceId"], message: `${row.instanceId} is listed twice` });
          seen.add(row.instanceId);
          const instanceArn = instanceArns?.[row.instanceId];
          if (instanceArns && instanceArn === undefined) {
            ctx.addIssue({ code: "custom", path: [i, "instanceId"], message: `Amazon Connect lists no instance ${row.instanceId}` });
            return;
          }
          if (row.topicArn === "") return;
          const problem = topicArnProblem(row.topicArn, instanceArn === undefined ? undefined : instanceArnParts(instanceArn));
          if (problem) ctx.addIssue({ code: "custom", path: [i, "topicArn"], message: problem });
        });
      }),
  });
}

export type ChatStreamingInput = z.input<ReturnType<typeof chatStreamingSchema>>;
export type ChatStreamingUpdate = z.output<ReturnType<typeof chatStreamingSchema>>;
