"use client";
// The list's live part: a search box, the numbers from /api/suppression a page at a time, and the export.
import { Download, ShieldBan } from "lucide-react";
import { useEffect, useState } from "react";
import { ListShell } from "@/components/list/list-shell";
import { useCursorList } from "@/components/list/use-cursor-list";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PAGE_SIZE, SUPPRESSION_KEY, exportHref, searchQuery, type SuppressionPage } from "./suppression-api";
import { SuppressionTable } from "./suppression-table";

const SEARCH_DELAY_MS = 300;

/** The search text once typing has paused, so each keystroke does not cost a request. */
function useSettled(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [value]);
  return settled;
}

export function SuppressionView({ canEdit }: { canEdit: boolean }) {
  const [search, setSearch] = useState("");
  const query = searchQuery(useSettled(search));
  const list = useCursorList({
    queryKey: [...SUPPRESSION_KEY, "list"],
    path: "/api/suppression",
    query,
    limit: PAGE_SIZE,
    rows: (page: SuppressionPage) => page.rows,
  });

  return (
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <form role="search" className="w-full max-w-sm" onSubmit={(ev) => ev.preventDefault()}>
          <Field id="suppression-search" label="Search" hint="Number or reason contains">
            <Input
              type="search"
              value={search}
              onChange={(ev) => setSearch(ev.target.value)}
              maxLength={100}
              placeholder="+44 20 7946 or opted out"
              autoComplete="off"
            />
          </Field>
        </form>
        <Button asChild variant="outline">
          <a href={exportHref(query)} download>
            <Download className="size-4" aria-hidden />
            Export CSV
          </a>
        </Button>
      </div>
      <ListShell
        list={list}
        noun={["number", "numbers"]}
        order=", newest first"
        filtered={query !== ""}
        icon={ShieldBan}
        empty={{ title: "No suppressed numbers", body: "Numbers added here, or that reply with an opt-out keyword, are excluded from every campaign." }}
        emptyFiltered={{ title: "No numbers match this search", body: "Try part of the number or of the reason, or clear the search." }}
      >
        <SuppressionTable rows={list.items} canEdit={canEdit} />
      </ListShell>
    </div>
  );
}
