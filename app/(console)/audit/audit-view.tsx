"use client";
// The audit page's live part: the filters come from the URL, entries from /api/audit a page at a time.
import { ClipboardList } from "lucide-react";
import { ListShell, shownStatus } from "@/components/list/list-shell";
import { useCursorList } from "@/components/list/use-cursor-list";
import { useUrlFilters } from "@/components/list/url-filters";
import { AUDIT_ENTRIES_KEY, PAGE_SIZE, type AuditPage } from "./audit-api";
import { AuditFilters } from "./audit-filters";
import { AuditTable } from "./audit-table";
import { AuditToolbar } from "./audit-toolbar";
import { AUDIT_FILTERS } from "./filter-params";

const NOUN = ["entry", "entries"] as const;
const ORDER = ", newest first";

export function AuditView({ canVerify }: { canVerify: boolean }) {
  const filters = useUrlFilters(AUDIT_FILTERS, { refresh: AUDIT_ENTRIES_KEY });
  const list = useCursorList({
    queryKey: AUDIT_ENTRIES_KEY,
    path: "/api/audit",
    query: filters.query,
    limit: PAGE_SIZE,
    rows: (page: AuditPage) => page.entries,
  });
  const errors = list.fieldErrors;

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <AuditFilters key={filters.query} filters={filters} errors={errors} />
      <AuditToolbar query={filters.query} canExport={Object.keys(errors).length === 0} canVerify={canVerify} status={shownStatus(list, NOUN, ORDER)} />
      <ListShell
        list={list}
        noun={NOUN}
        status={false}
        filtered={filters.filtered}
        icon={ClipboardList}
        empty={{ title: "No audit entries yet", body: "Changes made in the console will appear here." }}
        emptyFiltered={{ title: "No entries match these filters", body: "Widen the filters or clear them to see more of the log." }}
      >
        <AuditTable entries={list.items} />
      </ListShell>
    </div>
  );
}
