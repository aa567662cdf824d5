"use client";
// Whether the launch dialog's confirm submits for approval: the admin's rules cover this launch (its recipients, or a
// WhatsApp marketing template) and the draft being edited has no approval that the save would keep (an unchanged draft
// approved by someone else launches). The template's category comes from the server's template read for the chosen
// number; while it loads, or if it fails, the server's own check at launch still decides.
import { usePathname } from "next/navigation";
import { useFormContext, useWatch } from "react-hook-form";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import type { MessageTemplateDetail, WhatsAppTemplateCategory } from "@/lib/connect/types";
import { approvalReasons, needsTemplateCategory, type ApprovalSetting, type LaunchFacts } from "@/lib/settings/approval-schema";
import type { ComposerValues } from "./form-values";

const EDIT_PATH = /^\/campaigns\/([0-9a-f-]{36})\/edit/;

type TemplateWithCategory = MessageTemplateDetail & { category?: WhatsAppTemplateCategory };

function templateUrl(knowledgeBaseId: string, templateId: string, instanceId: string, sourcePhoneNumberArn: string): string {
  const query = new URLSearchParams({ instanceId, sourcePhoneNumberArn });
  return `/api/connect/templates/${encodeURIComponent(knowledgeBaseId)}/${encodeURIComponent(templateId)}?${query}`;
}

export function useLaunchApproval(valid: number, open: boolean): { submits: boolean; reasons: string[]; withdraws: string | null } {
  const campaignId = EDIT_PATH.exec(usePathname())?.[1];
  const { formState, control } = useFormContext<ComposerValues>();
  const [channel, instanceId, sourcePhoneNumberArn, message] = useWatch({ control, name: ["channel", "instanceId", "sourcePhoneNumberArn", "message"] });
  const setting = useQuery({
    queryKey: ["settings", "approval"],
    queryFn: ({ signal }) => fetchJson<{ approval: ApprovalSetting }>("/api/v1/settings/approval", signal).then((b) => b.approval),
    enabled: open,
    staleTime: 0,
  });
  const latest = useQuery({
    queryKey: ["approvals", "campaign", campaignId],
    queryFn: ({ signal }) =>
      fetchJson<{ approvals: { status: string; decidedByEmail: string | null }[] }>(`/api/v1/approvals?campaignId=${campaignId}`, signal).then(
        (b) => b.approvals[0] ?? null,
      ),
    enabled: open && campaignId !== undefined,
    staleTime: 0,
  });
  const template = message?.kind === "template" ? message : undefined;
  const needed = setting.data !== undefined && needsTemplateCategory(setting.data, channel);
  const category = useQuery({
    queryKey: ["connect", "template-category", template?.knowledgeBaseId, template?.messageTemplateId, instanceId, sourcePhoneNumberArn],
    queryFn: ({ signal }) =>
      fetchJson<{ template: TemplateWithCategory }>(
        templateUrl(template!.knowledgeBaseId, template!.messageTemplateId, instanceId, sourcePhoneNumberArn),
        signal,
      ).then((b) => b.template),
    enabled: open && needed && !!template?.knowledgeBaseId && !!template.messageTemplateId && !!instanceId && !!sourcePhoneNumberArn,
    staleTime: 0,
  });
  // A read that failed is a category that could not be read, as on the server.
  const read: LaunchFacts["template"] = category.data?.category
    ? { name: category.data.name, category: category.data.category }
    : category.isError
      ? { name: template?.templateName ?? "", category: { known: false, reason: category.error.message } }
      : undefined;
  // While the category loads only the recipient rule applies here; the launch itself is checked again on the server.
  const rules = setting.data && needed && !read ? { ...setting.data, whatsAppMarketing: false } : setting.data;
  const reasons = rules ? approvalReasons(rules, { valid, channel, template: read }) : [];
  const approved = latest.data?.status === "approved";
  const keeps = approved && !formState.isDirty;
  return { submits: reasons.length > 0 && !keeps, reasons, withdraws: approved && formState.isDirty ? latest.data!.decidedByEmail : null };
}
