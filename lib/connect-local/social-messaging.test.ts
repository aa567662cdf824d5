// End User Messaging Social through the real client: the linked WhatsApp Business Accounts, one account's numbers, and
// its Meta templates with their category; paging, validation, unknown accounts and a role without the permission.
import {
  AccessDeniedException,
  GetLinkedWhatsAppBusinessAccountCommand,
  ListLinkedWhatsAppBusinessAccountsCommand,
  ListWhatsAppMessageTemplatesCommand,
  ResourceNotFoundException,
  SocialMessagingClient,
  ValidationException,
  paginateListLinkedWhatsAppBusinessAccounts,
  paginateListWhatsAppMessageTemplates,
} from "@aws-sdk/client-socialmessaging";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { catalog, fixtures, startHarness, type Harness } from "./test-harness";

let h: Harness;
let social: SocialMessagingClient;
beforeAll(async () => {
  h = await startHarness();
  social = new SocialMessagingClient({
    endpoint: h.server.url,
    region: catalog.region,
    credentials: { accessKeyId: "t", secretAccessKey: "t" },
    maxAttempts: 1,
  });
});
beforeEach(async () => {
  await h.setConfig({ deniedActions: [] });
});
afterAll(async () => {
  social.destroy();
  await h.close();
});

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

const [support, marketing] = catalog.whatsAppBusinessAccounts as [(typeof catalog.whatsAppBusinessAccounts)[0], (typeof catalog.whatsAppBusinessAccounts)[0]];
const supportArn = `arn:aws:social-messaging:${catalog.region}:${catalog.accountId}:waba/${support.id.slice(5)}`;

describe("ListLinkedWhatsAppBusinessAccounts", () => {
  it("lists every linked account with its link date, one page at a time when asked", async () => {
    const { linkedAccounts, nextToken } = await social.send(new ListLinkedWhatsAppBusinessAccountsCommand({}));
    expect(nextToken).toBeUndefined();
    expect(linkedAccounts?.map((a) => [a.id, a.wabaName, a.registrationStatus])).toEqual([
      [support.id, support.name, "COMPLETE"],
      [marketing.id, marketing.name, "COMPLETE"],
    ]);
    expect(linkedAccounts?.[0]).toMatchObject({ arn: supportArn, wabaId: expect.stringMatching(/^[0-9]{15}$/), eventDestinations: [] });
    expect(linkedAccounts?.[0]?.linkDate?.toISOString()).toBe(new Date(support.linkDate).toISOString());

    const pages = await collect(paginateListLinkedWhatsAppBusinessAccounts({ client: social, pageSize: 1 }, {}));
    expect(pages.map((p) => p.linkedAccounts?.map((a) => a.id))).toEqual([[support.id], [marketing.id]]);
  });

  it("refuses maxResults outside 1-100, a token it did not give and an over-long one", async () => {
    await expect(social.send(new ListLinkedWhatsAppBusinessAccountsCommand({ maxResults: 0 }))).rejects.toThrow(/MaxResults must be between 1 and 100/);
    await expect(social.send(new ListLinkedWhatsAppBusinessAccountsCommand({ maxResults: 101 }))).rejects.toBeInstanceOf(ValidationException);
    await expect(social.send(new ListLinkedWhatsAppBusinessAccountsCommand({ nextToken: "garbage" }))).rejects.toThrow(/NextToken is not valid/);
    const long = await h.raw("GET", `/v1/whatsapp/waba/list?nextToken=${"a".repeat(601)}`);
    expect(long).toMatchObject({ status: 400, errorType: "ValidationException" });
    expect(long.body.Message).toMatch(/nextToken must be between 1 and 600 characters long/);
  });
});

describe("GetLinkedWhatsAppBusinessAccount", () => {
  it("returns the account's phone numbers, by id or by ARN", async () => {
    const { account } = await social.send(new GetLinkedWhatsAppBusinessAccountCommand({ id: support.id }));
    const numbers = catalog.whatsAppNumbers(support.id);
    expect(account?.phoneNumbers?.map((n) => n.phoneNumber)).toEqual(numbers.map((n) => n.phoneNumber));
    // A number imported from End User Messaging Social is known by the same ARN on both sides.
    const german = account?.phoneNumbers?.find((n) => n.phoneNumber === fixtures.whatsAppOnlyNumber.phoneNumber);
    expect(german).toMatchObject({
      arn: fixtures.whatsAppOnlyNumber.sourcePhoneNumberArn,
      phoneNumberId: `phone-number-id-${fixtures.whatsAppOnlyNumber.sourcePhoneNumberArn.split("/").at(-1)}`,
      displayPhoneNumber: "+49 1512 3456789",
      displayPhoneNumberName: support.name,
      qualityRating: "GREEN",
    });
    const dual = account?.phoneNumbers?.find((n) => n.phoneNumber === fixtures.dualNumber.phoneNumber);
    expect(dual?.arn).toMatch(/^arn:aws:social-messaging:us-east-1:123456789012:phone-number-id\/[0-9a-f]{32}$/);

    const byArn = await social.send(new GetLinkedWhatsAppBusinessAccountCommand({ id: supportArn }));
    expect(byArn.account?.id).toBe(support.id);
  });

  it("needs an id of the right shape, and 404s an account that is not linked", async () => {
    const missing = await h.raw("GET", "/v1/whatsapp/waba/details");
    expect(missing).toMatchObject({ status: 400, errorType: "ValidationException", body: { message: "id is required" } });
    await expect(social.send(new GetLinkedWhatsAppBusinessAccountCommand({ id: "acme" }))).rejects.toThrow(/must be a linked WhatsApp Business Account id/);
    await expect(social.send(new GetLinkedWhatsAppBusinessAccountCommand({ id: `waba-${"a".repeat(111)}` }))).rejects.toThrow(/between 1 and 115/);
    const err = await social.send(new GetLinkedWhatsAppBusinessAccountCommand({ id: "waba-000000000000" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect(err).toMatchObject({ message: expect.stringMatching(/No linked WhatsApp Business Account waba-000000000000/), $metadata: { httpStatusCode: 404 } });
  });
});

describe("ListWhatsAppMessageTemplates", () => {
  it("lists an account's Meta templates with status, language and category", async () => {
    const { templates } = await social.send(new ListWhatsAppMessageTemplatesCommand({ id: support.id }));
    expect(templates?.map((t) => [t.templateName, t.templateLanguage, t.templateCategory, t.templateStatus])).toEqual([
      ["order_shipped", "en_US", "UTILITY", "APPROVED"],
      ["appointment_reminder", "es_ES", "UTILITY", "APPROVED"],
      ["payment_due", "en_US", "UTILITY", "REJECTED"],
    ]);
    expect(templates?.[0]).toMatchObject({ metaTemplateId: fixtures.whatsappTemplate.whatsApp!.templateId, templateQualityScore: "GREEN" });
    const other = await social.send(new ListWhatsAppMessageTemplatesCommand({ id: marketing.id }));
    expect(other.templates?.map((t) => [t.templateName, t.templateCategory])).toEqual([["spring_sale", "MARKETING"]]);
  });

  it("pages with a token bound to the account", async () => {
    const pages = await collect(paginateListWhatsAppMessageTemplates({ client: social, pageSize: 2 }, { id: support.id }));
    expect(pages.map((p) => p.templates?.length)).toEqual([2, 1]);
    const first = await social.send(new ListWhatsAppMessageTemplatesCommand({ id: support.id, maxResults: 1 }));
    await expect(social.send(new ListWhatsAppMessageTemplatesCommand({ id: marketing.id, nextToken: first.nextToken }))).rejects.toThrow(
      /NextToken is not valid/,
    );
  });

  it("refuses a missing or malformed id and 404s an account that is not linked", async () => {
    expect(await h.raw("GET", "/v1/whatsapp/template/list")).toMatchObject({ status: 400, errorType: "ValidationException" });
    await expect(social.send(new ListWhatsAppMessageTemplatesCommand({ id: "123456" }))).rejects.toBeInstanceOf(ValidationException);
    await expect(social.send(new ListWhatsAppMessageTemplatesCommand({ id: "waba-nothere" }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe("a role without the permission", () => {
  it("is refused the denied action with AccessDeniedException, before anything is checked, and keeps the others", async () => {
    await h.setConfig({ deniedActions: ["social-messaging:ListWhatsAppMessageTemplates"] });
    const err = await social.send(new ListWhatsAppMessageTemplatesCommand({ id: "not-an-id" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessDeniedException);
    expect(err).toMatchObject({
      message: expect.stringMatching(/is not authorized to perform: social-messaging:ListWhatsAppMessageTemplates on resource: not-an-id/),
      $metadata: { httpStatusCode: 403 },
    });
    expect((await social.send(new GetLinkedWhatsAppBusinessAccountCommand({ id: support.id }))).account?.id).toBe(support.id);
  });

  it("takes only the actions it serves", async () => {
    const refused = await h.raw("PUT", "/_local/config", { deniedActions: ["connect:StartOutboundChatContact"] });
    expect(refused).toMatchObject({ status: 400, errorType: "InvalidRequestException" });
  });
});
