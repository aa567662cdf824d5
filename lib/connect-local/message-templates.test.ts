// GetMessageTemplate and RenderMessageTemplate through the real Q in Connect client: what a template says, at which
// version, and what is left unfilled when attributes are missing.
import { GetMessageTemplateCommand, RenderMessageTemplateCommand, ResourceNotFoundException, ValidationException } from "@aws-sdk/client-qconnect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog, fixtures, startHarness, type Harness } from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const kbId = fixtures.templatesKb.id;
const whatsapp = fixtures.whatsappTemplate;
const sms = fixtures.smsTemplate;
const unversioned = catalog.templates(kbId).find((t) => t.activeVersionNumber === undefined)!;

// The installed client's content union predates WhatsApp; its deserializer hands the member through as sent.
type WhatsAppContent = { whatsApp?: { data?: string } };

const get = (messageTemplateId: string, knowledgeBaseId = kbId) => h.qconnect.send(new GetMessageTemplateCommand({ knowledgeBaseId, messageTemplateId }));
const render = (messageTemplateId: string, customAttributes: Record<string, string>) =>
  h.qconnect.send(new RenderMessageTemplateCommand({ knowledgeBaseId: kbId, messageTemplateId, attributes: { customAttributes } }));

describe("GetMessageTemplate", () => {
  it("returns a WhatsApp template's body, language and dates at $LATEST", async () => {
    const { messageTemplate } = await get(whatsapp.id);
    expect(messageTemplate).toMatchObject({
      messageTemplateId: whatsapp.id,
      messageTemplateArn: whatsapp.arn,
      knowledgeBaseId: kbId,
      name: whatsapp.name,
      channelSubtype: "WHATSAPP",
      language: "en_US",
      attributeTypes: ["CUSTOM"],
      messageTemplateContentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((messageTemplate?.content as WhatsAppContent).whatsApp?.data).toBe(
      "Hi {{customerName}}, your order {{orderId}} is on its way. Track it here: {{trackingUrl}}",
    );
    expect(messageTemplate?.createdTime?.toISOString()).toBe(new Date(whatsapp.createdTime).toISOString());
    expect(messageTemplate?.versionNumber).toBeUndefined();
    expect(whatsapp.variables).toEqual(["customerName", "orderId", "trackingUrl"]);
  });

  it("puts the WhatsApp review status in sourceConfigurationSummary on the wire", async () => {
    const raw = await h.raw("GET", `/knowledgeBases/${kbId}/messageTemplates/${unversioned.id}`);
    expect(raw.status).toBe(200);
    expect((raw.body.messageTemplate as Record<string, unknown>).sourceConfigurationSummary).toEqual({
      whatsApp: {
        businessAccountId: unversioned.whatsApp!.businessAccountId,
        templateId: unversioned.whatsApp!.templateId,
        name: unversioned.name,
        language: unversioned.language,
        status: "REJECTED",
        statusReason: unversioned.whatsApp!.statusReason,
      },
    });
  });

  it("serves an SMS template in the sms member", async () => {
    const { messageTemplate } = await get(sms.id);
    expect(messageTemplate?.content?.sms?.body?.plainText?.content).toBe(sms.body);
    expect(messageTemplate?.channelSubtype).toBe("SMS");
  });

  it("answers a version qualifier with that version and whether it is the active one", async () => {
    const active = whatsapp.activeVersionNumber!;
    expect(active).toBeGreaterThan(1);
    const older = await get(`${whatsapp.id}:${active - 1}`);
    expect(older.messageTemplate).toMatchObject({ messageTemplateId: whatsapp.id, versionNumber: active - 1, isActive: false });
    const current = await get(`${whatsapp.id}:$ACTIVE_VERSION`);
    expect(current.messageTemplate).toMatchObject({ versionNumber: active, isActive: true });
    const latest = await get(`${whatsapp.id}:$LATEST`);
    expect(latest.messageTemplate?.versionNumber).toBeUndefined();
    const byArn = await get(`${whatsapp.arn}:${active}`, fixtures.templatesKb.arn);
    expect(byArn.messageTemplate).toMatchObject({ messageTemplateId: whatsapp.id, versionNumber: active, isActive: true });
  });

  it("answers ResourceNotFoundException for an unknown knowledge base, template or version", async () => {
    const active = whatsapp.activeVersionNumber!;
    const cases: [string, string, RegExp][] = [
      [kbId, "00000000-0000-4000-8000-000000000000", /Message template 00000000-0000-4000-8000-000000000000 not found/],
      ["00000000-0000-4000-8000-000000000000", whatsapp.id, /Knowledge base 00000000-0000-4000-8000-000000000000 not found/],
      [fixtures.otherKb.id, whatsapp.id, /not found in knowledge base/],
      [kbId, `${whatsapp.id}:${active + 1}`, new RegExp(`has no version ${active + 1}`)],
      [kbId, `${unversioned.id}:$ACTIVE_VERSION`, /has no active version/],
      [kbId, `${unversioned.id}:1`, /has no version 1/],
    ];
    for (const [knowledgeBaseId, messageTemplateId, message] of cases) {
      const err = await get(messageTemplateId, knowledgeBaseId).catch((e: unknown) => e);
      expect(err, `${knowledgeBaseId} ${messageTemplateId}`).toBeInstanceOf(ResourceNotFoundException);
      expect((err as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
      expect((err as Error).message).toMatch(message);
    }
  });

  it("answers ValidationException for a malformed id or qualifier", async () => {
    const cases: [string, string, RegExp][] = [
      [kbId, "order_shipped", /messageTemplateId "order_shipped" must be/],
      [kbId, whatsapp.id.toUpperCase(), /messageTemplateId/],
      [kbId, `${whatsapp.id}:NEWEST`, /qualifier "NEWEST" must be a version number, \$LATEST or \$ACTIVE_VERSION/],
      [kbId, `${whatsapp.id}:0`, /qualifier "0"/],
      [kbId, `${whatsapp.id}:1:2`, /messageTemplateId/],
      ["messaging", whatsapp.id, /knowledgeBaseId "messaging" must be/],
    ];
    for (const [knowledgeBaseId, messageTemplateId, message] of cases) {
      const err = await get(messageTemplateId, knowledgeBaseId).catch((e: unknown) => e);
      expect(err, `${knowledgeBaseId} ${messageTemplateId}`).toBeInstanceOf(ValidationException);
      expect((err as ValidationException).$metadata.httpStatusCode).toBe(400);
      expect((err as Error).message).toMatch(message);
    }
  });
});

describe("RenderMessageTemplate", () => {
  it("fills every placeholder when all attributes are given", async () => {
    const out = await render(whatsapp.id, { customerName: "Ada", orderId: "A-1", trackingUrl: "https://track.example/A-1", unused: "x" });
    expect((out.content as WhatsAppContent).whatsApp?.data).toBe("Hi Ada, your order A-1 is on its way. Track it here: https://track.example/A-1");
    expect(out.attributesNotInterpolated).toEqual([]);
    expect(out.attachments).toEqual([]);
  });

  it("keeps the placeholders it has no value for and names them in order", async () => {
    const out = await render(`${whatsapp.id}:$ACTIVE_VERSION`, { orderId: "A-1" });
    expect((out.content as WhatsAppContent).whatsApp?.data).toBe("Hi {{customerName}}, your order A-1 is on its way. Track it here: {{trackingUrl}}");
    expect(out.attributesNotInterpolated).toEqual(["customerName", "trackingUrl"]);

    const none = await render(sms.id, {});
    expect(none.content?.sms?.body?.plainText?.content).toBe(sms.body);
    expect(none.attributesNotInterpolated).toEqual(sms.variables);
  });

  it("checks the body before looking the template up", async () => {
    const missing = await h.raw("POST", `/knowledgeBases/${kbId}/messageTemplates/${whatsapp.id}/render`, {});
    expect(missing).toMatchObject({ status: 400, errorType: "ValidationException" });
    expect(missing.body.Message).toMatch(/attributes is required/);
    const empty = await render("00000000-0000-4000-8000-000000000000", { customerName: "" }).catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(ValidationException);
    expect((empty as Error).message).toMatch(/attributes.customAttributes\["customerName"\] must be between 1 and 32767 characters long \(got 0\)/);
    const notText = await h.raw("POST", `/knowledgeBases/${kbId}/messageTemplates/${whatsapp.id}/render`, { attributes: { customAttributes: { a: 1 } } });
    expect(notText).toMatchObject({ status: 400, errorType: "ValidationException" });
    const profile = await h.raw("POST", `/knowledgeBases/${kbId}/messageTemplates/${whatsapp.id}/render`, {
      attributes: { customerProfileAttributes: { firstName: ["Ada"] } },
    });
    expect(profile.body.Message).toMatch(/attributes.customerProfileAttributes.firstName must be a string/);
  });

  it("answers ResourceNotFoundException for an unknown template", async () => {
    await expect(render("00000000-0000-4000-8000-000000000000", { customerName: "Ada" })).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(render(`${whatsapp.id}:99`, { customerName: "Ada" })).rejects.toThrow(/has no version 99/);
  });
});
