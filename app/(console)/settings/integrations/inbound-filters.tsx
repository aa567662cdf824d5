"use client";
// Which integration and status the lists show; kept in the page URL so a view can be reloaded or shared. Each choice
// applies at once and replaces the address rather than adding a back-button step.
import type { UrlFilters } from "@/components/list/url-filters";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { INBOUND_STATUSES } from "@/lib/inbound/statuses";
import type { INBOUND_FILTERS } from "./inbound-api";

type Filters = UrlFilters<typeof INBOUND_FILTERS>;

export function InboundFilters({ filters, integrations }: { filters: Filters; integrations: { id: string; name: string }[] }) {
  const integration = filters.strings.integration ?? "";
  const status = filters.strings.status ?? "";
  return (
    <form aria-label="Filter inbound activity" className="grid max-w-xl gap-4 sm:grid-cols-2" onSubmit={(e) => e.preventDefault()}>
      <Field id="inbound-filter-integration" label="Integration">
        <Select value={integration} onChange={(e) => filters.apply({ integration: e.target.value, status })} data-testid="inbound-filter-integration">
          <option value="">All integrations</option>
          {integrations.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="inbound-filter-status" label="Message status">
        <Select value={status} onChange={(e) => filters.apply({ integration, status: e.target.value })} data-testid="inbound-filter-status">
          <option value="">Any status</option>
          {INBOUND_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>
    </form>
  );
}
