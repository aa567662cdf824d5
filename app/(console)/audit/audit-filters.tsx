"use client";
// The filter form. Applying it changes the page URL, which is what drives the list, so a filtered view
// survives a reload and can be shared as a link.
import { useRef, type FormEvent } from "react";
import { fromLocalInput, toLocalInput } from "@/components/list/date-inputs";
import { sentence } from "@/components/list/list-words";
import type { UrlFilters } from "@/components/list/url-filters";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { AUDIT_FILTERS } from "./filter-params";

/**
 * `filters` are the applied ones (from the URL). Give the form `key={filters.query}` so it starts over from the URL
 * whenever that changes, including through the browser's back button.
 */
export function AuditFilters({ filters, errors }: { filters: UrlFilters<typeof AUDIT_FILTERS>; errors: Readonly<Record<string, string>> }) {
  const formRef = useRef<HTMLFormElement>(null);
  const applied = filters.values;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    filters.apply({
      actor: text("actor"),
      action: text("action"),
      target: text("target"),
      from: fromLocalInput(text("from")),
      to: fromLocalInput(text("to"), true),
    });
  }

  function onClear() {
    formRef.current?.reset();
    filters.clear();
  }

  return (
    <Card>
      <CardContent className="pt-5">
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Filter audit entries" className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <Field id="audit-filter-actor" label="Actor" hint="Email contains" error={sentence(errors.actor)}>
              <Input name="actor" defaultValue={applied.actor ?? ""} maxLength={200} placeholder="ada@example.com" autoComplete="off" />
            </Field>
            <Field id="audit-filter-action" label="Action" hint="Starts with, e.g. user." error={sentence(errors.action)}>
              <Input name="action" defaultValue={applied.action ?? ""} maxLength={200} placeholder="campaign." autoComplete="off" className="font-mono" />
            </Field>
            <Field id="audit-filter-target" label="Target" hint="Type or id contains" error={sentence(errors.target)}>
              <Input name="target" defaultValue={applied.target ?? ""} maxLength={200} placeholder="user" autoComplete="off" />
            </Field>
            <Field id="audit-filter-from" label="From" hint="Your local time" error={sentence(errors.from)}>
              <Input name="from" type="datetime-local" defaultValue={toLocalInput(applied.from)} />
            </Field>
            <Field id="audit-filter-to" label="To" hint="Includes that minute" error={sentence(errors.to)}>
              <Input name="to" type="datetime-local" defaultValue={toLocalInput(applied.to)} />
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
