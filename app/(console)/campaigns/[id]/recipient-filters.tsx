"use client";
// The recipients filter form. Applying it rewrites the page URL in place (no server round trip), which drives the
// table, so a filtered view survives a reload and can be shared as a link.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useRef, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { RECIPIENT_LIST_KEYS, RECIPIENT_STATUSES, listQuery } from "@/lib/campaigns/history-filters";
import { WAIT_KINDS, WAIT_KIND_LABELS } from "@/lib/campaigns/waits";
import { FUNNEL_STAGES, FUNNEL_STAGE_LABELS } from "@/lib/ledger/funnel-stages";
import { fetchProgress, progressKey, recipientsKey } from "./recipients-api";

const ORDERS = [
  { value: "line:asc", label: "Line, first to last" },
  { value: "line:desc", label: "Line, last to first" },
  { value: "sent:desc", label: "Sent at, newest first" },
  { value: "sent:asc", label: "Sent at, oldest first" },
];

const orderOf = (q: URLSearchParams) => {
  const sort = q.get("sort") ?? "line";
  return `${sort}:${q.get("dir") ?? (sort === "line" ? "asc" : "desc")}`;
};

/** `query` is the applied filter (from the URL); give the form `key={query}` so it starts over when that changes. */
export function RecipientFilters({ campaignId, query, errors }: { campaignId: string; query: string; errors: Record<string, string> }) {
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const applied = new URLSearchParams(query);
  // The error names this campaign has seen, from the progress the page already polls: suggestions, not a limit.
  const progress = useQuery({ queryKey: progressKey(campaignId), queryFn: ({ signal }) => fetchProgress(campaignId, signal), enabled: false });
  const errorNames = progress.data?.progress.errors.map((e) => e.name) ?? [];

  function apply(values: Record<string, string>) {
    const next = listQuery(RECIPIENT_LIST_KEYS, values);
    // Applying the filters already shown is a request for fresh rows, not a new history entry.
    if (next === query) void queryClient.invalidateQueries({ queryKey: recipientsKey(campaignId) });
    else window.history.pushState(null, "", next ? `${pathname}?${next}` : pathname);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    const order = text("order");
    const [sort, dir] = order.split(":");
    apply({
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
    apply({});
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Filter recipients" className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="recipients-filter-status" label="Status" error={errors.status}>
          <Select name="status" defaultValue={applied.get("status") ?? ""}>
            <option value="">Any status</option>
            {RECIPIENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.charAt(0).toUpperCase() + s.slice(1)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="recipients-filter-waiting" label="Waiting for" hint="Pending rows held back" error={errors.waiting}>
          <Select name="waiting" defaultValue={applied.get("waiting") ?? ""} data-testid="recipients-filter-waiting">
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
            defaultValue={applied.get("error") ?? ""}
            maxLength={200}
            placeholder="InvalidRequestException"
            autoComplete="off"
            className="font-mono"
          />
        </Field>
        <Field id="recipients-filter-q" label="Phone number" hint="Digits or text anywhere in the number" error={errors.q}>
          <Input name="q" type="search" defaultValue={applied.get("q") ?? ""} maxLength={40} placeholder="+1 206 555" autoComplete="off" />
        </Field>
        <Field id="recipients-filter-replied" label="Replies" error={errors.replied}>
          <Select name="replied" defaultValue={applied.get("replied") ?? ""} data-testid="recipients-filter-replied">
            <option value="">Any recipient</option>
            <option value="yes">Replied only</option>
          </Select>
        </Field>
        <Field id="recipients-filter-stage" label="Funnel stage" error={errors.stage}>
          <Select name="stage" defaultValue={applied.get("stage") ?? ""} data-testid="recipients-filter-stage">
            <option value="">Any stage</option>
            {FUNNEL_STAGES.map((s) => (
              <option key={s} value={s}>
                {FUNNEL_STAGE_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="recipients-filter-order" label="Sort by" error={errors.sort ?? errors.dir}>
          <Select name="order" defaultValue={orderOf(applied)}>
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
