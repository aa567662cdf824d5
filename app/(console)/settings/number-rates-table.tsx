"use client";
// One row per SMS or WhatsApp source number: where it is, what it carries by default, and its override. Admins get a
// text box per number; everyone else reads the value. Three columns, so it fits beside the settings navigation on a tablet;
// scrolls sideways on a phone.
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { SendingCapacityInput } from "@/lib/settings/schemas";
import type { CapacityNumber } from "./capacity-numbers";
import { CHANNEL_NAMES, defaultRates } from "./number-rate-words";

export function NumberRatesTable({
  numbers,
  overrides,
  register,
  errors,
}: {
  numbers: CapacityNumber[];
  overrides: Record<string, number>;
  /** Absent: read-only. */
  register?: UseFormRegister<SendingCapacityInput>;
  errors?: FieldErrors<SendingCapacityInput>;
}) {
  if (numbers.length === 0) return <p className="text-sm text-muted-foreground">Connect lists no SMS or WhatsApp numbers for this account.</p>;
  return (
    <Table aria-label="Messages per second by source number">
      <THead>
        <tr>
          <TH>Number</TH>
          <TH>Default</TH>
          <TH className="min-w-48">Messages per second</TH>
        </tr>
      </THead>
      <TBody>
        {numbers.map((n, i) => {
          const defaults = defaultRates(n.channels, n.type, n.countryCode);
          const id = `number-rate-${i}`;
          const error = errors?.numbers?.[i]?.messagesPerSecond?.message;
          const override = overrides[n.arn];
          return (
            <TR key={n.arn} data-testid="number-rate-row">
              <TD className="align-top">
                <div className="whitespace-nowrap font-mono">{n.phoneNumber}</div>
                <div className="text-xs text-muted-foreground">
                  {n.instance} · {n.type ?? "type not given"}
                </div>
              </TD>
              <TD className="align-top">
                <div className="grid gap-1">
                  {defaults.map((d) => (
                    <div key={d.channel} className="flex items-center gap-1.5 whitespace-nowrap">
                      <Badge>{CHANNEL_NAMES[d.channel]}</Badge>
                      {d.perSecond.toLocaleString("en-US")}/s
                    </div>
                  ))}
                </div>
              </TD>
              <TD className="align-top">
                <div className="grid gap-1">
                  {register ? (
                    <Input
                      id={id}
                      inputMode="decimal"
                      placeholder="Default"
                      aria-label={`Messages per second for ${n.phoneNumber}`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${id}-error` : `${id}-hint`}
                      {...register(`numbers.${i}.messagesPerSecond`)}
                    />
                  ) : (
                    <span>{override === undefined ? "Default" : `${override.toLocaleString("en-US")}/s (set by an admin)`}</span>
                  )}
                  {error ? (
                    <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive">
                      {error}
                    </p>
                  ) : (
                    <p id={`${id}-hint`} className="text-xs text-muted-foreground">
                      {defaults.map((d) => d.hint).join(". ")}
                    </p>
                  )}
                </div>
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
