"use client";
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import type { ChatChannel, PhoneNumber } from "@/lib/connect/types";
import { useNumbers } from "@/components/connect/connect-queries";
import type { ComposerValues } from "./form-values";
import { numbersForChannel } from "@/lib/connect/number-channels";
import { QueryStatus } from "@/components/connect/query-status";

const CHANNEL_NAME: Record<ChatChannel, string> = { sms: "SMS", whatsapp: "WhatsApp" };

export function SourceNumberField({ instanceId, channel }: { instanceId: string; channel: ChatChannel }) {
  const { control, setValue, getValues, formState } = useFormContext<ComposerValues>();
  const value = useWatch({ control, name: "sourcePhoneNumberArn" });
  const numbers = useNumbers(instanceId);
  const choose = (next: string) => {
    const list = numbers.data?.numbers ?? [];
    const before = list.find((n) => n.arn === value)?.countryCode;
    const after = list.find((n) => n.arn === next)?.countryCode;
    // Lists are mostly written in the source number's country: that becomes the default country, unless the user chose
    // another one (a default that came from the previous number follows the new one).
    const current = (getValues("recipients.defaultCountry") ?? "").trim().toUpperCase();
    if (after && (current === "" || current === before)) setValue("recipients.defaultCountry", after, { shouldDirty: true });
    setValue("sourcePhoneNumberArn", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  };
  // The channel is read from descriptions (see number-channels.ts); this is the way out when a description is silent.
  const [showAll, setShowAll] = useState(false);
  const all = numbers.data?.numbers ?? [];
  const fitting = showAll ? all : numbersForChannel(all, channel);
  const selected = all.find((n) => n.arn === value);
  const options: PhoneNumber[] = selected && !fitting.includes(selected) ? [selected, ...fitting] : fitting;

  return (
    <div className="grid gap-2">
      <Field
        id="sourcePhoneNumberArn"
        label="Source number"
        hint={instanceId ? `Numbers of this instance described as ${CHANNEL_NAME[channel]}-capable.` : "Choose an instance first."}
        error={formState.errors.sourcePhoneNumberArn?.message}
      >
        <Select value={value} onChange={(e) => choose(e.target.value)} disabled={!numbers.isSuccess}>
          <option value="">{numbers.isSuccess ? "Choose a number" : "—"}</option>
          {!selected && value ? <option value={value}>{value} (not listed by Connect)</option> : null}
          {options.map((n) => (
            <option key={n.arn} value={n.arn}>
              {n.phoneNumber}
              {n.description ? ` — ${n.description}` : ""}
            </option>
          ))}
        </Select>
      </Field>
      <QueryStatus query={numbers} what="phone numbers" />
      {numbers.isSuccess && fitting.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          {all.length === 0 ? "This instance has no claimed numbers." : `No number of this instance is described as ${CHANNEL_NAME[channel]}-capable.`}
        </p>
      ) : null}
      {numbers.isSuccess && all.length > 0 ? (
        <label className="flex items-center gap-2 text-xs text-muted-foreground">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
          Show all numbers
        </label>
      ) : null}
    </div>
  );
}
