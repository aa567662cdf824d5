"use client";
// The campaigns filter form. Applying it changes the page URL, which drives the list, so a filtered view survives a
// reload and can be shared as a link.
import { useRef, type FormEvent } from "react";
import { fromDayInput, toDayInput } from "@/components/list/date-inputs";
import { sentence } from "@/components/list/list-words";
import type { UrlFilters } from "@/components/list/url-filters";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CAMPAIGN_STATUSES, STATUS_LABEL } from "@/lib/campaigns/status";
import { SORT_CHOICES, sortChoice, type CAMPAIGN_FILTERS } from "./list-params";

/** `filters` are the applied ones (from the URL); give the form `key={filters.query}` so it starts over when they change. */
export function CampaignFilters({ filters, errors }: { filters: UrlFilters<typeof CAMPAIGN_FILTERS>; errors: Readonly<Record<string, string>> }) {
  const formRef = useRef<HTMLFormElement>(null);
  const applied = filters.values;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    const [sort, dir] = text("order").split(":");
    // The default order stays out of the URL, so an unfiltered list has a clean address.
    const isDefault = text("order") === "created:desc";
    filters.apply({
      q: text("q"),
      status: text("status"),
      channel: text("channel"),
      creator: text("creator"),
      from: fromDayInput(text("from")),
      to: fromDayInput(text("to"), true),
      sort: isDefault ? "" : (sort ?? ""),
      dir: isDefault ? "" : (dir ?? ""),
    });
  }

  function onClear() {
    formRef.current?.reset();
    filters.clear();
  }

  return (
    <Card>
      <CardContent className="pt-5">
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Filter campaigns" className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field id="campaigns-filter-q" label="Name" hint="Contains" error={sentence(errors.q)}>
              <Input name="q" type="search" defaultValue={applied.q ?? ""} maxLength={120} placeholder="Spring reminders" autoComplete="off" />
            </Field>
            <Field id="campaigns-filter-status" label="Status" error={sentence(errors.status)}>
              <Select name="status" defaultValue={applied.status ?? ""}>
                <option value="">Any status</option>
                {CAMPAIGN_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABEL[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="campaigns-filter-channel" label="Channel" error={sentence(errors.channel)}>
              <Select name="channel" defaultValue={applied.channel ?? ""}>
                <option value="">Any channel</option>
                <option value="sms">SMS</option>
                <option value="whatsapp">WhatsApp</option>
              </Select>
            </Field>
            <Field id="campaigns-filter-creator" label="Created by" hint="Email contains" error={sentence(errors.creator)}>
              <Input name="creator" defaultValue={applied.creator ?? ""} maxLength={200} placeholder="sam@example.com" autoComplete="off" />
            </Field>
            <Field id="campaigns-filter-from" label="Created from" hint="Your local date" error={sentence(errors.from)}>
              <Input name="from" type="date" defaultValue={toDayInput(applied.from)} />
            </Field>
            <Field id="campaigns-filter-to" label="Created to" hint="Includes that day" error={sentence(errors.to)}>
              <Input name="to" type="date" defaultValue={toDayInput(applied.to)} />
            </Field>
            <Field id="campaigns-filter-order" label="Sort by" error={sentence(errors.sort ?? errors.dir)}>
              <Select name="order" defaultValue={sortChoice(applied.sort, applied.dir)}>
                {SORT_CHOICES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className="flex flex-wrap gap-2">
            <Button type="submit">Apply filters</Button>
            <Button type="button" variant="ghost" onClick={onClear}>
              Clear
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
