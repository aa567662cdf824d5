"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ApprovalSetting, ApprovalSettingInput } from "@/lib/settings/approval-schema";
import { updateApprovalSettingAction } from "./approval-actions";

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/settings/approval-schema").then((m) => m.approvalSettingSchema));

function savedText(d: ApprovalSetting): string {
  const above = `Launches above ${d.aboveRecipients.toLocaleString("en-US")} ${d.aboveRecipients === 1 ? "recipient" : "recipients"}`;
  if (d.enabled && d.whatsAppMarketing) return `${above} and every WhatsApp send of a marketing template now need approval`;
  if (d.enabled) return `${above} now need approval`;
  if (d.whatsAppMarketing) return "Every WhatsApp send of a marketing template now needs approval";
  return "Launches need no approval";
}

export function ApprovalForm({ current, canEdit }: { current: ApprovalSetting; canEdit: boolean }) {
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<ApprovalSettingInput, unknown, ApprovalSetting>({ resolver, defaultValues: current });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const res = await updateApprovalSettingAction(values);
    if (res.ok) {
      setStatus({ tone: "success", text: savedText(res.data) });
    } else {
      const message = applyServerErrors(form, res.error);
      if (message) setStatus({ tone: "error", text: message });
    }
  });
  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Two-person approval">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" disabled={!canEdit} {...form.register("enabled")} data-testid="approval-enabled" />
        Launches above a number of recipients need a second person&apos;s approval
      </label>
      <Field
        id="approval-above"
        label="Above how many recipients"
        hint="Valid recipients of the launch; 0 makes every launch need approval"
        error={errors.aboveRecipients?.message}
      >
        <Input inputMode="numeric" disabled={!canEdit} {...form.register("aboveRecipients")} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" disabled={!canEdit} {...form.register("whatsAppMarketing")} data-testid="approval-whatsapp-marketing" />
        Every WhatsApp send of a marketing template needs approval
      </label>
      <p className="text-muted-foreground text-xs">
        Meta&apos;s category of the template, read from AWS End User Messaging Social for the campaign&apos;s number. A template whose category cannot be read
        counts as marketing.
      </p>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {canEdit ? (
        <div>
          <Button type="submit" disabled={isSubmitting}>
            Save approval rule
          </Button>
        </div>
      ) : null}
    </form>
  );
}
