"use client";
// The filter form. Applying it changes the page URL, which is what drives the list, so a filtered view
// survives a reload and can be shared as a link.
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { AUDIT_ENTRIES_KEY } from "./audit-api";
import { filterQuery, fromLocalInput, toLocalInput, type FilterValues } from "./filter-params";

// The server's field messages read as the end of a sentence ("must be after …"); shown alone they start one.
const sentence = (message: string | undefined) => (message ? message.charAt(0).toUpperCase() + message.slice(1) : undefined);

/**
 * `query` is the applied filter (from the URL). Give the form `key={query}` so it starts over from the URL
 * whenever that changes, including through the browser's back button.
 */
export function AuditFilters({ query, errors }: { query: string; errors: Record<string, string> }) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const applied = new URLSearchParams(query);

  function apply(values: FilterValues) {
    const next = filterQuery(values);
    // Applying the filters already shown is a request for fresh results, not a new history entry.
    if (next === query) void queryClient.invalidateQueries({ queryKey: AUDIT_ENTRIES_KEY });
    else router.push(next ? `${pathname}?${next}` : pathname, { scroll: false });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    apply({
      actor: text("actor"),
      action: text("action"),
      target: text("target"),
      from: fromLocalInput(text("from")),
      to: fromLocalInput(text("to"), true),
    });
  }

  function onClear() {
    formRef.current?.reset();
    apply({});
  }

  return (
    <Card>
      <CardContent className="pt-5">
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Filter audit entries" className="grid gap-4">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <Field id="audit-filter-actor" label="Actor" hint="Email contains" error={sentence(errors.actor)}>
              <Input name="actor" defaultValue={applied.get("actor") ?? ""} maxLength={200} placeholder="ada@example.com" autoComplete="off" />
            </Field>
            <Field id="audit-filter-action" label="Action" hint="Starts with, e.g. user." error={sentence(errors.action)}>
              <Input
                name="action"
                defaultValue={applied.get("action") ?? ""}
                maxLength={200}
                placeholder="campaign."
                autoComplete="off"
                className="font-mono"
              />
            </Field>
            <Field id="audit-filter-target" label="Target" hint="Type or id contains" error={sentence(errors.target)}>
              <Input name="target" defaultValue={applied.get("target") ?? ""} maxLength={200} placeholder="user" autoComplete="off" />
            </Field>
            <Field id="audit-filter-from" label="From" hint="Your local time" error={sentence(errors.from)}>
              <Input name="from" type="datetime-local" defaultValue={toLocalInput(applied.get("from"))} />
            </Field>
            <Field id="audit-filter-to" label="To" hint="Includes that minute" error={sentence(errors.to)}>
              <Input name="to" type="datetime-local" defaultValue={toLocalInput(applied.get("to"))} />
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
