"use client";
// Which integration and status the lists show; kept in the page URL so a view can be reloaded or shared.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { INBOUND_STATUSES } from "@/lib/inbound/statuses";
import type { InboundFilter } from "./inbound-api";

export function useInboundFilter(): InboundFilter {
  const sp = useSearchParams();
  return { integration: sp.get("integration") ?? "", status: sp.get("status") ?? "" };
}

export function InboundFilters({ integrations }: { integrations: { id: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const sp = useSearchParams();
  const filter = useInboundFilter();
  const set = (key: keyof InboundFilter, value: string) => {
    const next = new URLSearchParams(sp);
    if (value) next.set(key, value);
    else next.delete(key);
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  return (
    <form aria-label="Filter inbound activity" className="grid max-w-xl gap-4 sm:grid-cols-2" onSubmit={(e) => e.preventDefault()}>
      <Field id="inbound-filter-integration" label="Integration">
        <Select value={filter.integration} onChange={(e) => set("integration", e.target.value)} data-testid="inbound-filter-integration">
          <option value="">All integrations</option>
          {integrations.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="inbound-filter-status" label="Message status">
        <Select value={filter.status} onChange={(e) => set("status", e.target.value)} data-testid="inbound-filter-status">
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
