"use client";
// Creating an integration: a name, the channel, and the Connect number customers write to. The secret and the
// endpoint URL are shown once, in the same dialog, when it is created.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { Plug } from "lucide-react";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { useInstances, useNumbers } from "@/components/connect/connect-queries";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { numbersForChannel } from "@/lib/connect/number-channels";
import { inboundPath } from "@/lib/inbound/protocol";
import type { createIntegrationSchema } from "@/lib/inbound/schemas";
import { createIntegrationAction } from "./actions";
import { SecretReveal } from "./secret-reveal";

type Values = z.input<typeof createIntegrationSchema>;
const EMPTY: Values = { name: "", channel: "sms", instanceId: "", phoneNumberArn: "" };

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/inbound/schemas").then((m) => m.createIntegrationSchema));

export function CreateIntegrationDialog({ origin }: { origin: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof createIntegrationSchema>>({ resolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const [instanceId, channel] = useWatch({ control: form.control, name: ["instanceId", "channel"] });
  const instances = useInstances();
  const numbers = useNumbers(open ? instanceId : "");
  const fitting = numbersForChannel(numbers.data?.numbers ?? [], channel);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await createIntegrationAction(values);
    if (!res.ok) return setFormError(applyServerErrors(form, res.error));
    setCreated({ secret: res.data.secret, url: `${origin}${inboundPath(res.data.integration.id)}` });
    form.reset(EMPTY);
    router.refresh();
  });

  const onOpenChange = (o: boolean) => {
    setOpen(o);
    if (!o) setCreated(null);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button data-testid="create-integration">
          <Plug className="size-4" aria-hidden />
          Add integration
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Add inbound integration"
        description="Customers' messages to this number, posted by your provider, reach Amazon Connect as chat events."
      >
        {created ? (
          <div className="grid gap-3">
            <SecretReveal secret={created.secret} url={created.url} />
            <Button type="button" onClick={() => onOpenChange(false)}>
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
        )}
      </DialogContent>
    </Dialog>
  );
}
