"use client";
// The Add integration dialog's body, loaded when the dialog is first about to open (create-integration-dialog.tsx): a
// name, the channel, and the Connect number customers write to, then the secret and endpoint URL shown once.
// react-hook-form and the form need not load with the Integrations page.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useInstances, useNumbers } from "@/components/connect/connect-queries";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { numbersForChannel } from "@/lib/connect/number-channels";
import { inboundPath } from "@/lib/inbound/protocol";
import type { createIntegrationSchema } from "@/lib/inbound/schemas";
import { createIntegrationAction } from "./actions";
import { SecretReveal } from "./secret-reveal";

type Values = z.input<typeof createIntegrationSchema>;
const EMPTY: Values = { name: "", channel: "sms", instanceId: "", phoneNumberArn: "" };

// The schema (and zod) load when the form is first focused (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/inbound/schemas").then((m) => m.createIntegrationSchema));

/** Empty each time the dialog opens; `onDone` closes it once the secret has been copied. */
export function CreateIntegrationForm({ origin, onDone }: { origin: string; onDone: () => void }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof createIntegrationSchema>>({ resolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const [instanceId, channel] = useWatch({ control: form.control, name: ["instanceId", "channel"] });
  const instances = useInstances();
  const numbers = useNumbers(instanceId);
  const fitting = numbersForChannel(numbers.data?.numbers ?? [], channel);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await createIntegrationAction(values);
    if (!res.ok) return setFormError(applyServerErrors(form, res.error));
    setCreated({ secret: res.data.secret, url: `${origin}${inboundPath(res.data.integration.id)}` });
    form.reset(EMPTY);
    router.refresh();
  });

  return created ? (
    <div className="grid gap-3">
      <SecretReveal secret={created.secret} url={created.url} />
      <Button type="button" onClick={onDone}>
        Done
      </Button>
    </div>
  ) : (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4" data-testid="create-integration-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="integration-name" label="Name" hint="The provider or the number, e.g. Twilio US support" error={errors.name?.message}>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <Field id="integration-channel" label="Channel" error={errors.channel?.message}>
        <Select {...form.register("channel", { onChange: () => form.setValue("phoneNumberArn", "") })}>
          <option value="sms">SMS</option>
          <option value="whatsapp">WhatsApp</option>
        </Select>
      </Field>
      <Field id="integration-instance" label="Amazon Connect instance" error={errors.instanceId?.message ?? instances.error?.message}>
        <Select {...form.register("instanceId", { onChange: () => form.setValue("phoneNumberArn", "") })} disabled={!instances.isSuccess}>
          <option value="">{instances.isSuccess ? "Choose an instance" : "Loading…"}</option>
          {instances.data?.instances.map((i) => (
            <option key={i.id} value={i.id}>
              {i.alias ?? i.id}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="integration-number"
        label="Number customers write to"
        hint="Only numbers linked to AWS End User Messaging can receive."
        error={errors.phoneNumberArn?.message ?? numbers.error?.message}
      >
        <Select {...form.register("phoneNumberArn")} disabled={!numbers.isSuccess}>
          <option value="">
            {!instanceId
              ? "Choose an instance first"
              : numbers.isSuccess
                ? fitting.length
                  ? "Choose a number"
                  : "No number of this instance fits the channel"
                : "Loading…"}
          </option>
          {fitting.map((n) => (
            <option key={n.arn} value={n.arn} disabled={!n.sourcePhoneNumberArn}>
              {n.phoneNumber}
              {n.description ? ` — ${n.description}` : ""}
              {n.sourcePhoneNumberArn ? "" : " (no End User Messaging number)"}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" disabled={isSubmitting} data-testid="create-integration-submit">
        {isSubmitting ? "Creating…" : "Create integration"}
      </Button>
    </form>
  );
}
