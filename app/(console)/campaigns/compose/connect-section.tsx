"use client";
// Where the campaign sends from: instance → channel → source number → contact flow. Each choice narrows the next,
// so changing one clears the choices below it.
import { useFormContext, useWatch } from "react-hook-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { ChatChannel } from "@/lib/connect/types";
import { useInstances, useNumbers } from "@/components/connect/connect-queries";
import { FlowField } from "./flow-field";
import { defaultMessage, type ComposerValues } from "./form-values";
import { numberChannels } from "@/lib/connect/number-channels";
import { QueryStatus } from "@/components/connect/query-status";
import { SourceNumberField } from "./source-number-field";

export function ConnectSection() {
  const { control, setValue, getValues, formState } = useFormContext<ComposerValues>();
  const instances = useInstances();
  const instanceId = useWatch({ control, name: "instanceId" });
  const numbers = useNumbers(instanceId);
  const channel = useWatch({ control, name: "channel" });
  const list = instances.data?.instances ?? [];
  const known = list.some((i) => i.id === instanceId);

  const pickChannel = (next: ChatChannel) => {
    if (next === channel) return;
    setValue("channel", next, { shouldDirty: true });
    // WhatsApp opens with a template and SMS with text, so the message starts over for the other channel.
    setValue("message", defaultMessage(next), { shouldDirty: true });
    const current = numbers.data?.numbers.find((n) => n.arn === getValues("sourcePhoneNumberArn"));
    if (current && !numberChannels(current)[next]) setValue("sourcePhoneNumberArn", "", { shouldDirty: true });
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Amazon Connect</CardTitle>
        <CardDescription>The instance, number and contact flow every chat of this campaign uses.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Field id="instanceId" label="Connect instance" error={formState.errors.instanceId?.message}>
          <Select
            value={instanceId}
            disabled={!instances.isSuccess}
            onChange={(e) => {
              setValue("instanceId", e.target.value, { shouldDirty: true, shouldValidate: formState.isSubmitted });
              setValue("sourcePhoneNumberArn", "", { shouldDirty: true });
              setValue("contactFlowId", "", { shouldDirty: true });
            }}
          >
            <option value="">{instances.isSuccess ? "Choose an instance" : "—"}</option>
            {!known && instanceId ? <option value={instanceId}>{instanceId} (not listed by Connect)</option> : null}
            {list.map((i) => (
              <option key={i.id} value={i.id}>
                {i.alias ?? i.id}
                {i.status && i.status !== "ACTIVE" ? ` (${i.status.toLowerCase()})` : ""}
              </option>
            ))}
          </Select>
        </Field>
        <QueryStatus query={instances} what="instances" />
        {instances.isSuccess && list.length === 0 ? (
          <p className="text-sm text-muted-foreground">Connect answered, but this account has no instances in this region.</p>
        ) : null}

        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Channel</legend>
          <div className="flex gap-4">
            {(["sms", "whatsapp"] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="channel" value={value} checked={channel === value} onChange={() => pickChannel(value)} />
                {value === "sms" ? "SMS" : "WhatsApp"}
              </label>
            ))}
          </div>
        </fieldset>

        <SourceNumberField instanceId={instanceId} channel={channel} />
        <FlowField instanceId={instanceId} />
      </CardContent>
    </Card>
  );
}
