"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { sendRateSchema, SendRateInput } from "@/lib/settings/schemas";
import { updateSendRateAction } from "./actions";

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/settings/schemas").then((m) => m.sendRateSchema));

export function SendRateForm({ current, canEdit }: { current: number; canEdit: boolean }) {
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<SendRateInput, unknown, z.output<typeof sendRateSchema>>({
    resolver,
    defaultValues: { accountSendsPerSecond: current },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const res = await updateSendRateAction(values);
    if (res.ok) setStatus({ tone: "success", text: `Account send rate set to ${res.data.accountSendsPerSecond} per second` });
    else {
      const message = applyServerErrors(form, res.error);
      if (message) setStatus({ tone: "error", text: message });
    }
  });
  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Sending">
      <Field
        id="account-rate"
        label="Account sends per second"
        hint="StartOutboundChatContact calls per second for this Connect account and region, shared by every campaign; a campaign's own pace is capped at it"
        error={errors.accountSendsPerSecond?.message}
      >
        <Input inputMode="decimal" disabled={!canEdit} {...form.register("accountSendsPerSecond")} />
      </Field>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {canEdit ? (
        <div>
          <Button type="submit" disabled={isSubmitting}>
            Save send rate
          </Button>
        </div>
      ) : null}
    </form>
  );
}
