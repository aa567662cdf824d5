"use client";
// Which chat the event belongs to: the instance, the number the customer writes to, its channel and the customer.
// The number list is the instance's own; the channel follows from what the chosen number is described as serving.
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { numberChannels } from "@/lib/connect/number-channels";
import type { ChatChannel, PhoneNumber } from "@/lib/connect/types";
import { useInstances, useNumbers } from "@/components/connect/connect-queries";
import { QueryStatus } from "@/components/connect/query-status";
import type { EventFormValues } from "./form-values";

const CHANNELS: { value: ChatChannel; label: string }[] = [
  { value: "sms", label: "SMS" },
  { value: "whatsapp", label: "WhatsApp" },
];

function numberLabel(n: PhoneNumber): string {
  const description = n.description ? ` — ${n.description}` : "";
  return `${n.phoneNumber}${description}${n.sourcePhoneNumberArn ? "" : " (no End User Messaging ARN)"}`;
}

export function DestinationFields() {
  const { control, setValue, register, formState } = useFormContext<EventFormValues>();
  const { errors, isSubmitted } = formState;
  const [instanceId, phoneNumberId, channel] = useWatch({ control, name: ["instanceId", "phoneNumberId", "channel"] });
  const instances = useInstances();
  const numbers = useNumbers(instanceId);
  const list = numbers.data?.numbers ?? [];
  const chosen = list.find((n) => n.id === phoneNumberId);
  const serves = chosen ? numberChannels(chosen) : { sms: true, whatsapp: true };

  const pickNumber = (id: string) => {
    setValue("phoneNumberId", id, { shouldDirty: true, shouldValidate: isSubmitted });
    const next = list.find((n) => n.id === id);
    if (!next) return;
    const fits = numberChannels(next);
    if (!fits[channel]) setValue("channel", fits.sms ? "sms" : "whatsapp", { shouldDirty: true, shouldValidate: isSubmitted });
  };

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="grid gap-2">
        <Field id="event-instance" label="Connect instance" error={errors.instanceId?.message}>
          <Select
            data-testid="chat-event-instance"
            value={instanceId}
            disabled={!instances.isSuccess}
            onChange={(e) => {
              setValue("instanceId", e.target.value, { shouldDirty: true, shouldValidate: isSubmitted });
              setValue("phoneNumberId", "", { shouldDirty: true });
            }}
          >
            <option value="">{instances.isSuccess ? "Choose an instance" : "—"}</option>
            {(instances.data?.instances ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.alias ?? i.id}
              </option>
            ))}
          </Select>
        </Field>
        <QueryStatus query={instances} what="instances" />
      </div>
      <div className="grid gap-2">
        <Field
          id="event-number"
          label="Connect number"
          hint={instanceId ? "The number the customer writes to; it becomes the DestinationId (its End User Messaging ARN)." : "Choose an instance first."}
          error={errors.phoneNumberId?.message}
        >
          <Select data-testid="chat-event-number" value={phoneNumberId} disabled={!numbers.isSuccess} onChange={(e) => pickNumber(e.target.value)}>
            <option value="">{numbers.isSuccess ? "Choose a number" : "—"}</option>
            {list.map((n) => (
              <option key={n.id} value={n.id} disabled={!n.sourcePhoneNumberArn}>
                {numberLabel(n)}
              </option>
            ))}
          </Select>
        </Field>
        <QueryStatus query={numbers} what="phone numbers" />
        {numbers.isSuccess && list.length === 0 ? <p className="text-sm text-muted-foreground">This instance has no claimed numbers.</p> : null}
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Channel (Subtype)</legend>
        <div className="flex gap-4">
          {CHANNELS.map((c) => (
            <label key={c.value} className="flex items-center gap-2 text-sm">
              <input type="radio" value={c.value} disabled={!serves[c.value]} data-testid={`chat-event-channel-${c.value}`} {...register("channel")} />
              {c.label}
            </label>
          ))}
        </div>
        {errors.channel?.message ? (
          <p role="alert" className="text-xs font-medium text-destructive">
            {errors.channel.message}
          </p>
        ) : (
          <p className="text-xs text-muted-foreground">
            {chosen ? "The channels this number's description names." : "Sent as connect:SMS or connect:WhatsApp."}
          </p>
        )}
      </fieldset>
      <Field
        id="event-customer"
        label="Customer number (SourceId)"
        hint="Who the event comes from, with country code, e.g. +12065550100"
        error={errors.customerPhone?.message}
      >
        <Input type="tel" autoComplete="off" maxLength={40} data-testid="chat-event-customer" {...register("customerPhone")} />
      </Field>
    </div>
  );
}
