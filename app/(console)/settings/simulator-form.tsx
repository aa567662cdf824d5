"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { EDITABLE_FAULTS } from "@/lib/connect/simulator-faults";
import type { SimulatorSettings, SimulatorSettingsInput } from "@/lib/connect/simulator-settings";
import { updateSimulatorSettingsAction } from "./actions";

const QUOTAS = [
  { name: "rate", label: "Send rate (requests/s)", hint: "StartOutboundChatContact token-bucket refill rate" },
  { name: "burst", label: "Burst", hint: "Requests allowed back to back" },
  { name: "maxActiveChats", label: "Concurrent chats per instance", hint: "Above it: LimitExceededException" },
  { name: "latencyMs", label: "Latency (ms)", hint: "Added to every call" },
  { name: "clockSpeed", label: "Clock speed", hint: "600: a real second is ten minutes, so chats expire sooner" },
] as const;

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/connect/simulator-settings").then((m) => m.simulatorSettingsSchema));

export function SimulatorForm({ initial }: { initial: SimulatorSettings }) {
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<SimulatorSettingsInput, unknown, SimulatorSettings>({ resolver, defaultValues: initial });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const res = await updateSimulatorSettingsAction(values);
    if (res.ok) {
      form.reset(res.data);
      setStatus({ tone: "success", text: "Simulator settings saved" });
    } else {
      const message = applyServerErrors(form, res.error);
      if (message) setStatus({ tone: "error", text: message });
    }
  });

  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Simulator settings">
      <div className="grid gap-3 sm:grid-cols-2">
        {QUOTAS.map((q) => (
          <Field key={q.name} id={`sim-${q.name}`} label={q.label} hint={q.hint} error={errors[q.name]?.message}>
            <Input inputMode="decimal" {...form.register(q.name)} />
          </Field>
        ))}
      </div>
      <fieldset className="grid gap-3">
        <legend className="mb-2 text-sm font-semibold">Injected faults (% of sends and chat events)</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {EDITABLE_FAULTS.map((f) => (
            <Field key={f} id={`sim-fault-${f}`} label={f} error={errors.faults?.[f]?.message}>
              <Input inputMode="decimal" {...form.register(`faults.${f}`)} />
            </Field>
          ))}
        </div>
        {errors.faults?.root?.message || errors.faults?.message ? (
          <p role="alert" className="text-xs font-medium text-destructive">
            {errors.faults?.root?.message ?? errors.faults?.message}
          </p>
        ) : null}
      </fieldset>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save simulator settings"}
        </Button>
      </div>
    </form>
  );
}
