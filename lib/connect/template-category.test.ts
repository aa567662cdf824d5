// The gateway's WhatsApp template category against the simulator: from the source number to its business account, and
// from there to the template of that name and language; every way the read stops is an unknown with its reason, and
// listings are read again only after five minutes (a failed read at once).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { catalog, fixtures, startHarness, type Harness } from "../connect-local/test-harness";
import { createConnectGateway } from "./gateway";
import { createSocialMessagingReads } from "./social-messaging";
import { CATEGORY_CACHE_MS, createTemplateCategoryReader } from "./template-category";
import type { WhatsAppTemplateCategoryQuery } from "./types";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
beforeEach(async () => {
  await h.setConfig({ deniedActions: [] });
});
afterAll(async () => {
  await h.close();
});

const support = catalog.whatsAppBusinessAccounts.find((a) => a.name === "Acme Support")!;
const marketing = catalog.whatsAppBusinessAccounts.find((a) => a.name === "Acme Marketing")!;
const sale = catalog.templates(fixtures.templatesKb.id).find((t) => t.name === "spring_sale")!;
const fresh = () => createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 1 });

const fromGerman = (templateName: string, language?: string): WhatsAppTemplateCategoryQuery => ({
  instanceId: fixtures.instance.id,
  sourcePhoneNumberArn: fixtures.whatsAppOnlyNumber.arn,
  templateName,
  language,
});
const fromMarketing = (templateName: string, language?: string): WhatsAppTemplateCategoryQuery => ({
  instanceId: fixtures.otherInstance.id,
  sourcePhoneNumberArn: fixtures.otherWhatsAppNumber.arn,
  templateName,
  language,
});

describe("whatsAppTemplateCategory", () => {
  it("reads a utility template's category in the source number's business account", async () => {
    expect(await fresh().whatsAppTemplateCategory(fromGerman("order_shipped", "en_US"))).toEqual({
      known: true,
      category: "UTILITY",
      businessAccountId: support.id,
      metaTemplateId: fixtures.whatsappTemplate.whatsApp!.templateId,
      language: "en_US",
    });
    // Connect names this number by its SMS ARN; the business account knows it by its digits.
    expect(await fresh().whatsAppTemplateCategory({ ...fromGerman("order_shipped", "en_US"), sourcePhoneNumberArn: fixtures.dualNumber.arn })).toMatchObject({
      known: true,
      category: "UTILITY",
    });
  });

  it("reads a marketing template's category, with or without its language", async () => {
    const gateway = fresh();
    expect(await gateway.whatsAppTemplateCategory(fromMarketing("spring_sale", "en_US"))).toEqual({
      known: true,
      category: "MARKETING",
      businessAccountId: marketing.id,
      metaTemplateId: sale.whatsApp!.templateId,
      language: "en_US",
    });
    expect(await gateway.whatsAppTemplateCategory(fromGerman("appointment_reminder"))).toMatchObject({ known: true, category: "UTILITY", language: "es_ES" });
  });

  it("says why when the template is not in the number's account, or not in that language", async () => {
    const gateway = fresh();
    expect(await gateway.whatsAppTemplateCategory(fromMarketing("order_shipped", "en_US"))).toEqual({
      known: false,
      reason: `WhatsApp Business Account "Acme Marketing" (${marketing.id}) has no template "order_shipped"`,
    });
    expect(await gateway.whatsAppTemplateCategory(fromGerman("appointment_reminder", "en_US"))).toEqual({
      known: false,
      reason: `WhatsApp Business Account "Acme Support" (${support.id}) has template "appointment_reminder" in es_ES, not in en_US`,
    });
  });

  it("says why when the number has no business account or is not the instance's", async () => {
    const gateway = fresh();
    expect(await gateway.whatsAppTemplateCategory({ ...fromGerman("order_shipped"), sourcePhoneNumberArn: fixtures.smsOnlyNumber.arn })).toEqual({
      known: false,
      reason: `no WhatsApp Business Account linked to End User Messaging Social has the source number ${fixtures.smsOnlyNumber.phoneNumber}`,
    });
    expect(await gateway.whatsAppTemplateCategory({ ...fromGerman("order_shipped"), sourcePhoneNumberArn: fixtures.otherWhatsAppNumber.arn })).toEqual({
      known: false,
      reason: "the source number is not one of the Connect instance's numbers",
    });
    expect(await gateway.whatsAppTemplateCategory({ ...fromGerman("order_shipped"), instanceId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({
      known: false,
      reason: expect.stringMatching(/^Amazon Connect answered ResourceNotFoundException/),
    });
  });

  it("names AWS's refusal and the permissions the role needs", async () => {
    await h.setConfig({ deniedActions: ["social-messaging:ListWhatsAppMessageTemplates"] });
    const read = await fresh().whatsAppTemplateCategory(fromGerman("order_shipped", "en_US"));
    expect(read).toMatchObject({ known: false });
    expect(!read.known && read.reason).toMatch(
      /^End User Messaging Social answered AccessDeniedException: .*not authorized to perform: social-messaging:ListWhatsAppMessageTemplates.*\(AWS request id [0-9a-f-]+\); the console's AWS role needs social-messaging:ListLinkedWhatsAppBusinessAccounts, /,
    );
  });

  it("says which service could not be reached", async () => {
    const nowhere = { endpoint: "http://127.0.0.1:9", region: catalog.region, maxAttempts: 1, credentials: { accessKeyId: "t", secretAccessKey: "t" } };
    const away = createConnectGateway({ mode: "local", ...nowhere });
    const connectDown = await away.whatsAppTemplateCategory(fromGerman("order_shipped"));
    expect(!connectDown.known && connectDown.reason).toMatch(/^Amazon Connect could not be reached: /);
    const gateway = fresh();
    const socialDown = createTemplateCategoryReader({ social: createSocialMessagingReads(nowhere), listPhoneNumbers: (id) => gateway.listPhoneNumbers(id) });
    const read = await socialDown(fromGerman("order_shipped"));
    expect(!read.known && read.reason).toMatch(/^End User Messaging Social could not be reached: /);
  });
});

describe("the category cache", () => {
  const requests = async (operation: string) => {
    const state = await h.raw("GET", "/_local/state");
    return ((state.body.counters as { requests: Record<string, number> }).requests[operation] ?? 0) as number;
  };

  it("reads the listings once per five minutes, and again at once after a failure", async () => {
    let now = 1_000_000;
    const gateway = fresh();
    const read = createTemplateCategoryReader({
      social: createSocialMessagingReads({
        endpoint: h.server.url,
        region: catalog.region,
        maxAttempts: 1,
        credentials: { accessKeyId: "t", secretAccessKey: "t" },
      }),
      listPhoneNumbers: (id) => gateway.listPhoneNumbers(id),
      now: () => now,
    });
    const before = await requests("ListWhatsAppMessageTemplates");
    const accountsBefore = await requests("ListLinkedWhatsAppBusinessAccounts");

    await h.setConfig({ deniedActions: ["social-messaging:ListWhatsAppMessageTemplates"] });
    expect(await read(fromGerman("order_shipped"))).toMatchObject({ known: false });
    await h.setConfig({ deniedActions: [] });
    expect(await read(fromGerman("order_shipped"))).toMatchObject({ known: true, category: "UTILITY" });
    expect(await requests("ListWhatsAppMessageTemplates")).toBe(before + 2);

    now += CATEGORY_CACHE_MS - 1;
    expect(await read(fromGerman("payment_due"))).toMatchObject({ known: true, category: "UTILITY" });
    expect(await requests("ListWhatsAppMessageTemplates")).toBe(before + 2);
    expect(await requests("ListLinkedWhatsAppBusinessAccounts")).toBe(accountsBefore + 1);

    now += 1;
    await read(fromGerman("order_shipped"));
    expect(await requests("ListWhatsAppMessageTemplates")).toBe(before + 3);
    expect(await requests("ListLinkedWhatsAppBusinessAccounts")).toBe(accountsBefore + 2);
  });
});
