// The gateway's template detail and render over the simulator: the body a customer sees, its variables, and what is
// left unfilled.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog, fixtures, startHarness, type Harness } from "../connect-local/test-harness";
import { classifyConnectError } from "./classify-error";
import { createConnectGateway, type ConnectGateway } from "./gateway";
import { templateBody } from "./map-message-template";

let h: Harness;
let gateway: ConnectGateway;
beforeAll(async () => {
  h = await startHarness();
  gateway = createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 1 });
});
afterAll(async () => {
  await h.close();
});

const kbId = fixtures.templatesKb.id;
const whatsapp = fixtures.whatsappTemplate;

describe("getMessageTemplate", () => {
  it("returns the WhatsApp body with its variables in order of first use", async () => {
    const detail = await gateway.getMessageTemplate(kbId, whatsapp.id);
    expect(detail).toEqual({
      id: whatsapp.id,
      arn: whatsapp.arn,
      name: whatsapp.name,
      channelSubtype: "WHATSAPP",
      language: "en_US",
      // The pinned client drops sourceConfigurationSummary, where Q in Connect reports the review status.
      status: undefined,
      body: "Hi {{customerName}}, your order {{orderId}} is on its way. Track it here: {{trackingUrl}}",
      variables: ["customerName", "orderId", "trackingUrl"],
      versionNumber: undefined,
    });
  });

  it("names the version a qualifier asked for", async () => {
    const detail = await gateway.getMessageTemplate(kbId, `${whatsapp.id}:$ACTIVE_VERSION`);
    expect(detail.versionNumber).toBe(whatsapp.activeVersionNumber);
    expect(detail.id).toBe(whatsapp.id);
  });

  it("fails with ResourceNotFoundException for an unknown template", async () => {
    const err = await gateway.getMessageTemplate(kbId, "00000000-0000-4000-8000-000000000000").catch((e: unknown) => e);
    expect(classifyConnectError(err)).toMatchObject({ name: "ResourceNotFoundException", httpStatus: 404 });
  });
});

describe("renderMessageTemplate", () => {
  it("fills what it is given and reports the rest, counting blank values as missing", async () => {
    expect(await gateway.renderMessageTemplate(kbId, whatsapp.id, { customerName: "Ada", orderId: "A-1", trackingUrl: "https://t.example/1" })).toEqual({
      body: "Hi Ada, your order A-1 is on its way. Track it here: https://t.example/1",
      missing: [],
    });
    expect(await gateway.renderMessageTemplate(kbId, whatsapp.id, { customerName: "Ada", orderId: "  " })).toEqual({
      body: "Hi Ada, your order {{orderId}} is on its way. Track it here: {{trackingUrl}}",
      missing: ["orderId", "trackingUrl"],
    });
  });
});

describe("templateBody", () => {
  it("reads each channel's member, and WhatsApp content however the client hands it over", () => {
    expect(templateBody({ sms: { body: { plainText: { content: "sms text" } } } })).toBe("sms text");
    expect(templateBody({ email: { body: { html: { content: "<p>hi</p>" } } } })).toBe("<p>hi</p>");
    expect(templateBody({ whatsApp: { data: "wa text" } } as never)).toBe("wa text");
    expect(templateBody({ $unknown: ["whatsApp", { data: "wa text" }] })).toBe("wa text");
    expect(templateBody({ $unknown: ["push", { data: "x" }] })).toBe("");
    expect(templateBody(undefined)).toBe("");
  });
});
