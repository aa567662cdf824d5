"use client";
// The contacts filter form. Applying it changes the page URL, which drives the list, so a filtered view survives a
// reload and can be shared as a link.
import { useRef, type FormEvent } from "react";
import { fromDayInput, toDayInput } from "@/components/list/date-inputs";
import { sentence } from "@/components/list/list-words";
import type { UrlFilters } from "@/components/list/url-filters";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CONTACT_ORIGINS, CONTACT_STATES, ORIGIN_LABEL, STATE_LABEL } from "@/lib/contacts/list-filters";
import type { CONTACT_FILTERS } from "./contacts-api";

/** `filters` are the applied ones (from the URL); give the form `key={filters.query}` so it starts over when they change. */
export function ContactFilters({
  filters,
  errors,
  campaignName,
}: {
  filters: UrlFilters<typeof CONTACT_FILTERS>;
  errors: Readonly<Record<string, string>>;
  campaignName?: string | null;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const applied = filters.values;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    filters.apply({
      q: text("q"),
      state: text("state"),
      channel: text("channel"),
      origin: text("origin"),
      campaignId: text("campaignId"),
      from: fromDayInput(text("from")),
      to: fromDayInput(text("to"), true),
    });
  }

  function onClear() {
    formRef.current?.reset();
    filters.clear();
  }

  return (
    <Card>
      <CardContent className="pt-5">
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Filter contacts" className="grid gap-4" data-testid="contacts-filters">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field id="contacts-filter-q" label="Search" hint="ContactId, or digits of a number" error={sentence(errors.q)}>
              <Input name="q" type="search" defaultValue={applied.q ?? ""} maxLength={256} placeholder="+1 206 555 or a ContactId" autoComplete="off" />
            </Field>
            <Field id="contacts-filter-state" label="State" error={sentence(errors.state)}>
              <Select name="state" defaultValue={applied.state ?? ""}>
                <option value="">Any state</option>
                {CONTACT_STATES.map((s) => (
                  <option key={s} value={s}>
                    {STATE_LABEL[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="contacts-filter-channel" label="Channel" error={sentence(errors.channel)}>
              <Select name="channel" defaultValue={applied.channel ?? ""}>
                <option value="">Any channel</option>
                <option value="sms">SMS</option>
                <option value="whatsapp">WhatsApp</option>
              </Select>
            </Field>
            <Field id="contacts-filter-origin" label="Origin" error={sentence(errors.origin)}>
              <Select name="origin" defaultValue={applied.origin ?? ""}>
                <option value="">Any origin</option>
                {CONTACT_ORIGINS.map((o) => (
                  <option key={o} value={o}>
                    {ORIGIN_LABEL[o]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field
              id="contacts-filter-campaign"
              label="Campaign ID"
              hint={campaignName ? `Campaign: ${campaignName}` : "From the campaign page's address"}
              error={sentence(errors.campaignId)}
            >
              <Input
                name="campaignId"
                defaultValue={applied.campaignId ?? ""}
                maxLength={36}
                placeholder="00000000-0000-0000-0000-000000000000"
                autoComplete="off"
                className="font-mono text-xs"
              />
            </Field>
            <Field id="contacts-filter-from" label="Created from" hint="Your local date" error={sentence(errors.from)}>
              <Input name="from" type="date" defaultValue={toDayInput(applied.from)} />
            </Field>
            <Field id="contacts-filter-to" label="Created to" hint="Includes that day" error={sentence(errors.to)}>
              <Input name="to" type="date" defaultValue={toDayInput(applied.to)} />
            </Field>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" data-testid="contacts-apply">
              Apply filters
            </Button>
            <Button type="button" variant="ghost" onClick={onClear}>
              Clear
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
