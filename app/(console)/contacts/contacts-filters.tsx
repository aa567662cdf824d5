"use client";
// The contacts filter form. Applying it changes the page URL, which drives the list, so a filtered view survives a
// reload and can be shared as a link.
import { useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { listQuery } from "@/lib/campaigns/history-filters";
import { CONTACT_LIST_KEYS, CONTACT_ORIGINS, CONTACT_STATES, ORIGIN_LABEL, STATE_LABEL } from "@/lib/contacts/list-filters";
import { fromDayInput, toDayInput } from "../campaigns/list-params";
import { CONTACT_LIST_KEY } from "./contacts-api";

// The server's field messages read as the end of a sentence ("must be after …"); shown alone they start one.
const sentence = (message: string | undefined) => (message ? message.charAt(0).toUpperCase() + message.slice(1) : undefined);

/** `query` is the applied filter (from the URL); give the form `key={query}` so it starts over when that changes. */
export function ContactFilters({ query, errors, campaignName }: { query: string; errors: Record<string, string>; campaignName?: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const applied = new URLSearchParams(query);

  function apply(values: Record<string, string>) {
    const next = listQuery(CONTACT_LIST_KEYS, values);
    // Applying the filters already shown is a request for fresh results, not a new history entry.
    if (next === query) void queryClient.invalidateQueries({ queryKey: CONTACT_LIST_KEY });
    else router.push(next ? `${pathname}?${next}` : pathname, { scroll: false });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    apply({
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
    apply({});
  }

  return (
    <Card>
      <CardContent className="pt-5">
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Filter contacts" className="grid gap-4" data-testid="contacts-filters">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Field id="contacts-filter-q" label="Search" hint="ContactId, or digits of a number" error={sentence(errors.q)}>
              <Input name="q" type="search" defaultValue={applied.get("q") ?? ""} maxLength={256} placeholder="+1 206 555 or a ContactId" autoComplete="off" />
            </Field>
            <Field id="contacts-filter-state" label="State" error={sentence(errors.state)}>
              <Select name="state" defaultValue={applied.get("state") ?? ""}>
                <option value="">Any state</option>
                {CONTACT_STATES.map((s) => (
                  <option key={s} value={s}>
                    {STATE_LABEL[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="contacts-filter-channel" label="Channel" error={sentence(errors.channel)}>
              <Select name="channel" defaultValue={applied.get("channel") ?? ""}>
                <option value="">Any channel</option>
                <option value="sms">SMS</option>
                <option value="whatsapp">WhatsApp</option>
              </Select>
            </Field>
            <Field id="contacts-filter-origin" label="Origin" error={sentence(errors.origin)}>
              <Select name="origin" defaultValue={applied.get("origin") ?? ""}>
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
                defaultValue={applied.get("campaignId") ?? ""}
                maxLength={36}
                placeholder="00000000-0000-0000-0000-000000000000"
                autoComplete="off"
                className="font-mono text-xs"
              />
            </Field>
            <Field id="contacts-filter-from" label="Created from" hint="Your local date" error={sentence(errors.from)}>
              <Input name="from" type="date" defaultValue={toDayInput(applied.get("from"))} />
            </Field>
            <Field id="contacts-filter-to" label="Created to" hint="Includes that day" error={sentence(errors.to)}>
              <Input name="to" type="date" defaultValue={toDayInput(applied.get("to"))} />
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
