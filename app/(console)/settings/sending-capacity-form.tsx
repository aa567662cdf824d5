"use client";
// Messages per second per source number and the WhatsApp portfolio's daily limit: what the capacity planner assumes
// besides the account rate. Admins edit them; everyone else reads them.
import { useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { callAction } from "@/components/forms/call-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { WHATSAPP_DAILY_LIMITS } from "@/lib/settings/capacity-limits";
import type { SendingCapacityInput, SendingCapacityUpdate } from "@/lib/settings/schemas";
import type { SendingCapacity } from "@/lib/settings/sending-capacity";
import { updateSendingCapacityAction } from "./actions";
import type { CapacityNumber } from "./capacity-numbers";
import { NumberRatesTable } from "./number-rates-table";

const DAILY_LIMIT_HINT =
  "Unique customers your WhatsApp business portfolio may message outside a customer service window in any rolling 24 hours, shared by all its numbers; new portfolios start at 250. Choose the limit WhatsApp Manager shows.";

const limitWords = (limit: number | null) => (limit === null ? "Unlimited" : `${limit.toLocaleString("en-US")} customers`);

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/settings/schemas").then((m) => m.sendingCapacitySchema));

function formValues(numbers: CapacityNumber[], current: SendingCapacity): SendingCapacityInput {
  return {
    numbers: numbers.map((n) => ({ arn: n.arn, phoneNumber: n.phoneNumber, messagesPerSecond: String(current.numberMessagesPerSecond[n.arn] ?? "") })),
    whatsAppDailyLimit: current.whatsAppDailyLimit === null ? "unlimited" : String(current.whatsAppDailyLimit),
  };
}

export function SendingCapacityForm({ numbers, current, canEdit }: { numbers: CapacityNumber[]; current: SendingCapacity; canEdit: boolean }) {
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<SendingCapacityInput, unknown, SendingCapacityUpdate>({
    resolver,
    defaultValues: formValues(numbers, current),
  });
  const { errors, isSubmitting } = form.formState;

  if (!canEdit) {
    return (
      <div className="grid min-w-0 gap-4" data-testid="sending-capacity-readonly">
        <NumberRatesTable numbers={numbers} overrides={current.numberMessagesPerSecond} />
        <div className="grid gap-1.5">
          <p className="text-sm font-medium">WhatsApp daily limit</p>
          <p className="text-sm" data-testid="whatsapp-daily-limit">
            {limitWords(current.whatsAppDailyLimit)}
          </p>
          <p className="text-xs text-muted-foreground">{DAILY_LIMIT_HINT}</p>
        </div>
      </div>
    );
  }

  const onSubmit = form.handleSubmit(async () => {
    setStatus(null);
    // The action parses the form's own values: the parsed ones (the limit as a number, rows without their number)
    // would not parse twice.
    const res = await callAction(() => updateSendingCapacityAction(form.getValues()));
    if (res.ok) {
      form.reset(formValues(numbers, res.data));
      setStatus({ tone: "success", text: `Sending capacity saved. WhatsApp daily limit: ${limitWords(res.data.whatsAppDailyLimit).toLowerCase()}.` });
      return;
    }
    let placed = 0;
    for (const [path, message] of Object.entries(res.error.fields ?? {})) {
      if (path === "_") continue;
      form.setError(path as FieldPath<SendingCapacityInput>, { type: "server", message }, { shouldFocus: placed++ === 0 });
    }
    if (placed === 0 || res.error.code !== "invalid") setStatus({ tone: "error", text: res.error.message });
  });

  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid min-w-0 gap-4" aria-label="Sending capacity">
      <NumberRatesTable numbers={numbers} overrides={current.numberMessagesPerSecond} register={form.register} errors={errors} />
      <Field id="whatsapp-daily-limit" label="WhatsApp daily limit" hint={DAILY_LIMIT_HINT} error={errors.whatsAppDailyLimit?.message}>
        <Select {...form.register("whatsAppDailyLimit")}>
          {WHATSAPP_DAILY_LIMITS.map((limit) => (
            <option key={limit} value={String(limit)}>
              {limitWords(limit)}
            </option>
          ))}
          <option value="unlimited">Unlimited</option>
        </Select>
      </Field>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          Save sending capacity
        </Button>
      </div>
    </form>
  );
}
