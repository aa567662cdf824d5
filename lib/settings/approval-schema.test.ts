// The approval rules in words: the recipient threshold, and WhatsApp marketing templates, which count as marketing
// whenever their category could not be read.
import { describe, expect, it } from "vitest";
import { approvalReasons, approvalSettingSchema, approvalSettingUpdateSchema, needsTemplateCategory, NO_APPROVAL, type LaunchFacts } from "./approval-schema";

const marketingOnly = { enabled: false, aboveRecipients: 1000, whatsAppMarketing: true };
const whatsApp = (template?: LaunchFacts["template"]): LaunchFacts => ({ valid: 5, channel: "whatsapp", template });
const known = (category: string) => ({ known: true as const, category, businessAccountId: "waba-1" });

describe("approvalSettingSchema", () => {
  it("reads a setting stored before the WhatsApp rule as that rule off", () => {
    expect(approvalSettingSchema.parse({ enabled: true, aboveRecipients: 10 })).toEqual({ enabled: true, aboveRecipients: 10, whatsAppMarketing: false });
    expect(approvalSettingSchema.safeParse({ enabled: true, aboveRecipients: 10, whatsAppMarketing: "yes" }).error?.issues[0]?.message).toBe(
      "Say whether WhatsApp marketing sends need approval",
    );
  });

  it("leaves the WhatsApp rule out of a change that does not name it", () => {
    expect(approvalSettingUpdateSchema.parse({ enabled: true, aboveRecipients: 10 })).toEqual({ enabled: true, aboveRecipients: 10 });
  });
});

describe("approvalReasons", () => {
  it("keeps the recipient rule as it was", () => {
    const above = { ...NO_APPROVAL, enabled: true, aboveRecipients: 1000 };
    expect(approvalReasons(above, { valid: 1000, channel: "sms" })).toEqual([]);
    expect(approvalReasons(above, { valid: 1001, channel: "sms" })).toEqual(["1,001 recipients: launches above 1,000 need a second person's approval"]);
    expect(approvalReasons({ ...above, aboveRecipients: 0 }, { valid: 1, channel: "sms" })).toEqual(["Every launch needs a second person's approval"]);
    expect(approvalReasons(NO_APPROVAL, { valid: 5_000_000, channel: "whatsapp", template: { name: "sale", category: known("MARKETING") } })).toEqual([]);
  });

  it("asks for approval of every WhatsApp marketing send, whatever its size", () => {
    expect(approvalReasons(marketingOnly, { ...whatsApp({ name: "spring_sale", category: known("MARKETING") }), valid: 1 })).toEqual([
      'WhatsApp marketing template "spring_sale": every marketing send needs a second person\'s approval',
    ]);
  });

  it("lets utility and authentication templates through", () => {
    expect(approvalReasons(marketingOnly, whatsApp({ name: "order_shipped", category: known("UTILITY") }))).toEqual([]);
    expect(approvalReasons(marketingOnly, whatsApp({ name: "login_code", category: known("AUTHENTICATION") }))).toEqual([]);
  });

  it("counts a template whose category could not be read, or is not one it knows, as marketing", () => {
    const unread = { known: false as const, reason: "no WhatsApp Business Account linked to End User Messaging Social has the source number +12065550142" };
    expect(approvalReasons(marketingOnly, whatsApp({ name: "order_shipped", category: unread }))).toEqual([
      "WhatsApp template \"order_shipped\" counts as marketing and needs a second person's approval: the template's category could not be read: no WhatsApp Business Account linked to End User Messaging Social has the source number +12065550142",
    ]);
    expect(approvalReasons(marketingOnly, whatsApp({ name: "promo", category: known("PROMOTIONAL") }))).toEqual([
      'WhatsApp template "promo" counts as marketing and needs a second person\'s approval: its category PROMOTIONAL is not one the console knows',
    ]);
    expect(approvalReasons(marketingOnly, whatsApp(undefined))).toEqual([
      "WhatsApp template: the template's category could not be read for this launch, so it counts as marketing and needs a second person's approval",
    ]);
    expect(
      approvalReasons(marketingOnly, whatsApp({ name: "", category: { known: false, reason: "the campaign names no message template of its own" } })),
    ).toEqual([
      "This WhatsApp campaign counts as marketing and needs a second person's approval: the template's category could not be read: the campaign names no message template of its own",
    ]);
  });

  it("gives both reasons when both rules cover a launch, and none to SMS for the WhatsApp rule", () => {
    const both = { enabled: true, aboveRecipients: 1, whatsAppMarketing: true };
    expect(approvalReasons(both, whatsApp({ name: "spring_sale", category: known("MARKETING") }))).toHaveLength(2);
    expect(approvalReasons(marketingOnly, { valid: 5, channel: "sms" })).toEqual([]);
    expect(needsTemplateCategory(marketingOnly, "sms")).toBe(false);
    expect(needsTemplateCategory(marketingOnly, "whatsapp")).toBe(true);
    expect(needsTemplateCategory(NO_APPROVAL, "whatsapp")).toBe(false);
  });
});
