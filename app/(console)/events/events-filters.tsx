"use client";
// The list's filters live in the page URL, so a filtered view survives a reload and can be shared as a link.
import { useRef, type FormEvent } from "react";
import type { UrlFilters } from "@/components/list/url-filters";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { CHAT_EVENT_STATUSES } from "@/lib/chat-events/filter-query";
import { CHAT_EVENT_TYPES } from "@/lib/chat-events/contract";
import type { CHAT_EVENT_FILTERS } from "./events-api";

/** Give it `key={filters.query}` so the form starts over from the URL whenever that changes. */
export function EventsFilters({ filters, errors }: { filters: UrlFilters<typeof CHAT_EVENT_FILTERS>; errors: Readonly<Record<string, string>> }) {
  const formRef = useRef<HTMLFormElement>(null);
  const applied = filters.values;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    filters.apply({ type: text("type"), status: text("status"), q: text("q"), contactId: text("contactId") });
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Filter chat events" className="grid gap-3" data-testid="chat-events-filters">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="events-filter-type" label="Event type" error={errors.type}>
          <Select name="type" defaultValue={applied.type ?? ""}>
            <option value="">Any</option>
            {CHAT_EVENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="events-filter-status" label="Status" error={errors.status}>
          <Select name="status" defaultValue={applied.status ?? ""}>
            <option value="">Any</option>
            {CHAT_EVENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="events-filter-q" label="Number" hint="Customer or Connect number contains" error={errors.q}>
          <Input name="q" type="search" defaultValue={applied.q ?? ""} maxLength={40} placeholder="+1 206 555" autoComplete="off" />
        </Field>
        <Field id="events-filter-contact" label="Contact ID" hint="Exactly" error={errors.contactId}>
          <Input name="contactId" defaultValue={applied.contactId ?? ""} maxLength={256} autoComplete="off" className="font-mono text-xs" />
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="outline">
          Apply filters
        </Button>
        <Button
          type="button"
          variant="ghost"
          onClick={() => {
            formRef.current?.reset();
            filters.clear();
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
