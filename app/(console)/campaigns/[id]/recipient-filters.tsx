"use client";
// The recipients filter form. Applying it rewrites the page URL in place (no server round trip), which drives the
// table, so a filtered view survives a reload and can be shared as a link.
import { useQuery } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import type { UrlFilters } from "@/components/list/url-filters";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { RECIPIENT_STATUSES } from "@/lib/campaigns/history-filters";
import { WAIT_KINDS, WAIT_KIND_LABELS } from "@/lib/campaigns/waits";
import { FUNNEL_STAGES, FUNNEL_STAGE_LABELS } from "@/lib/ledger/funnel-stages";
import { fetchProgress, progressKey } from "./live-api";
import type { RECIPIENT_FILTERS } from "./recipients-api";

const ORDERS = [
  { value: "line:asc", label: "Line, first to last" },
  { value: "line:desc", label: "Line, last to first" },
  { value: "sent:desc", label: "Sent at, newest first" },
  { value: "sent:asc", label: "Sent at, oldest first" },
];

const orderOf = (sort: string | null, dir: string | null) => `${sort ?? "line"}:${dir ?? ((sort ?? "line") === "line" ? "asc" : "desc")}`;

/** `filters` are the applied ones (from the URL); give the form `key={filters.query}` so it starts over when they change. */
export function RecipientFilters({
  campaignId,
  filters,
  errors,
}: {
  campaignId: string;
  filters: UrlFilters<typeof RECIPIENT_FILTERS>;
  errors: Readonly<Record<string, string>>;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const applied = filters.values;
  // The error names this campaign has seen, from the progress the page already polls: suggestions, not a limit.
  const progress = useQuery({ queryKey: progressKey(campaignId), queryFn: ({ signal }) => fetchProgress(campaignId, signal), enabled: false });
  const errorNames = progress.data?.progress.errors.map((e) => e.name) ?? [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    const order = text("order");
    const [sort, dir] = order.split(":");
    filters.apply({
      status: text("status"),
      waiting: text("waiting"),
      error: text("error"),
      q: text("q"),
      replied: text("replied"),
      stage: text("stage"),
      ...(order === "line:asc" ? {} : { sort: sort ?? "", dir: dir ?? "" }),
    });
  }

  function onClear() {
    formRef.current?.reset();
    filters.clear();
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Filter recipients" className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="recipients-filter-status" label="Status" error={errors.status}>
          <Select name="status" defaultValue={applied.status ?? ""}>
            <option value="">Any status</option>
            {RECIPIENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0).toUpperCase() + s.slice(1)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="recipients-filter-waiting" label="Waiting for" hint="Pending rows held back" error={errors.waiting}>
          <Select name="waiting" defaultValue={applied.waiting ?? ""} data-testid="recipients-filter-waiting">
            <option value="">Any recipient</option>
            <option value="any">Send window or frequency cap</option>
            {WAIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {WAIT_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="recipients-filter-error" label="Error name" hint="Exactly as Connect named it" error={errors.error}>
          <Input
            name="error"
            list="recipients-error-names"
            defaultValue={applied.error ?? ""}
            maxLength={200}
            placeholder="InvalidRequestException"
            autoComplete="off"
            className="font-mono"
          />
        </Field>
        <Field id="recipients-filter-q" label="Phone number" hint="Digits or text anywhere in the number" error={errors.q}>
          <Input name="q" type="search" defaultValue={applied.q ?? ""} maxLength={40} placeholder="+1 206 555" autoComplete="off" />
        </Field>
        <Field id="recipients-filter-replied" label="Replies" error={errors.replied}>
          <Select name="replied" defaultValue={applied.replied ?? ""} data-testid="recipients-filter-replied">
            <option value="">Any recipient</option>
            <option value="yes">Replied only</option>
          </Select>
        </Field>
        <Field id="recipients-filter-stage" label="Funnel stage" error={errors.stage}>
          <Select name="stage" defaultValue={applied.stage ?? ""} data-testid="recipients-filter-stage">
            <option value="">Any stage</option>
            {FUNNEL_STAGES.map((s) => (
              <option key={s} value={s}>
                {FUNNEL_STAGE_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="recipients-filter-order" label="Sort by" error={errors.sort ?? errors.dir}>
          <Select name="order" defaultValue={orderOf(applied.sort, applied.dir)}>
            {ORDERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <datalist id="recipients-error-names">
        {errorNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm">
          Apply filters
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onClear}>
          Clear
        </Button>
      </div>
    </form>
  );
}
