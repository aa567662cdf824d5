// A StartOutboundChatContact whose answer is lost after Connect created the contact reaches the dispatcher as a
// transient error, so it is retried with the same ClientToken and Connect hands back the original contact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog, fixtures, startHarness, type Harness } from "../connect-local/test-harness";
import { classifyConnectError } from "./classify-error";
import { createConnectGateway, type ConnectGateway } from "./gateway";

let h: Harness;
let gateway: ConnectGateway;
beforeAll(async () => {
  h = await startHarness();
  gateway = createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 1 });
});
afterAll(async () => {
  await h.close();
});

describe("a lost StartOutboundChatContact answer", () => {
  it("is classified transient and a retry with the same ClientToken returns the contact that was created", async () => {
    const input = {
      instanceId: fixtures.instance.id,
      contactFlowId: fixtures.smsFlow.id,
      sourcePhoneNumberArn: fixtures.dualNumber.arn,
      destinationPhoneNumber: "+15555550177",
      channel: "sms" as const,
      clientToken: "lost-answer-1",
    };
    await h.setConfig({ faults: { LostResponse: 1 } });
    const error = await gateway.startOutboundChat(input).then(
      () => undefined,
      (err: unknown) => classifyConnectError(err),
    );
    expect(error).toMatchObject({ kind: "transient" });

    const [created] = (await h.contacts()).contacts;
    expect(created?.clientToken).toBe("lost-answer-1");
    await h.setConfig({ faults: {} });
    expect((await gateway.startOutboundChat(input)).contactId).toBe(created?.contactId);
  });
});
