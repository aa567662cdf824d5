// Two-person approval, as an admin sets it: two rules, both off by default. `enabled`: a launch of more than
// `aboveRecipients` valid recipients needs a second person's approval. `whatsAppMarketing`: every WhatsApp launch of a
// marketing template does, whatever its size. Pure: shared by the settings form, the action, the API and launch.
//
// Q in Connect's template reads do not say a WhatsApp template's category, so it comes from AWS End User Messaging
// Social: the Meta template of the same name (and language) in the WhatsApp Business Account the campaign's source
// number is registered in (lib/connect/template-category.ts). A category that cannot be read (no linked account, access
// denied, no such template) counts as marketing: a guardrail that cannot look fails closed, and the reason says why.
import { z } from "zod";
import type { WhatsAppTemplateCategory } from "@/lib/connect/types";

export const MAX_APPROVAL_THRESHOLD = 1_000_000;

const whatsAppMarketing = z.boolean({ error: "Say whether WhatsApp marketing sends need approval" });

export const approvalSettingSchema = z.object({
  enabled: z.boolean({ error: "Say whether approval is required" }),
  aboveRecipients: z.coerce
    .number({ error: "Enter a number of recipients" })
    .int("Use a whole number")
    .min(0, "At least 0 (every launch)")
    .max(MAX_APPROVAL_THRESHOLD, "At most 1,000,000"),
  // Settings stored before this rule existed read as off.
  whatsAppMarketing: whatsAppMarketing.default(false),
});

/** A change of the setting: leaving out whatsAppMarketing keeps it as it is, so an older client cannot turn it off unawares. */
export const approvalSettingUpdateSchema = approvalSettingSchema.extend({ whatsAppMarketing: whatsAppMarketing.optional() });

export type ApprovalSetting = z.output<typeof approvalSettingSchema>;
export type ApprovalSettingInput = z.input<typeof approvalSettingSchema>;

export const NO_APPROVAL: ApprovalSetting = { enabled: false, aboveRecipients: 1000, whatsAppMarketing: false };

/** What the rules read about a launch. */
export interface LaunchFacts {
  /** Valid recipients. */
  valid: number;
  channel: "sms" | "whatsapp";
  /** A WhatsApp launch's template and its category as read for this launch; absent when it was not read. */
  template?: { name: string; category: WhatsAppTemplateCategory };
}

const n = (v: number) => v.toLocaleString("en-US");
const NOT_MARKETING = new Set(["UTILITY", "AUTHENTICATION"]);

function marketingReason(template: LaunchFacts["template"]): string | undefined {
  if (!template)
    return "WhatsApp template: the template's category could not be read for this launch, so it counts as marketing and needs a second person's approval";
  const { name, category } = template;
  const label = name ? `WhatsApp template "${name}"` : "This WhatsApp campaign";
  if (!category.known)
    return `${label} counts as marketing and needs a second person's approval: the template's category could not be read: ${category.reason}`;
  if (category.category === "MARKETING") return `WhatsApp marketing template "${name}": every marketing send needs a second person's approval`;
  if (NOT_MARKETING.has(category.category)) return undefined;
  return `${label} counts as marketing and needs a second person's approval: its category ${category.category} is not one the console knows`;
}

/** Why this launch needs approval, in words; empty when it does not. */
export function approvalReasons(setting: ApprovalSetting, facts: LaunchFacts): string[] {
  const reasons: string[] = [];
  if (setting.enabled && facts.valid > setting.aboveRecipients) {
    reasons.push(
      setting.aboveRecipients === 0
        ? "Every launch needs a second person's approval"
        : `${n(facts.valid)} recipients: launches above ${n(setting.aboveRecipients)} need a second person's approval`,
    );
  }
  const marketing = setting.whatsAppMarketing && facts.channel === "whatsapp" ? marketingReason(facts.template) : undefined;
  if (marketing) reasons.push(marketing);
  return reasons;
}

/** Whether the rules need the template's category for this launch, so that it is read (from Connect) only then. */
export function needsTemplateCategory(setting: ApprovalSetting, channel: "sms" | "whatsapp"): boolean {
  return setting.whatsAppMarketing && channel === "whatsapp";
}
