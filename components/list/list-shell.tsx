"use client";
// Everything around a cursor list's table: the status line screen readers hear, the error, the empty state (nothing
// yet, or nothing for these filters), the bordered box the table scrolls in, and Load more.
import type { LucideIcon } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { LoadMore } from "@/components/load-more";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/utils";
import { listStatus, type Noun } from "./list-words";

export interface ShownList<T> {
  items: T[];
  data: unknown;
  error: Error | null;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The status line's words; none while a first read has failed (the error says enough). */
export function shownStatus(list: ShownList<unknown>, noun: Noun, order?: string): string {
  if (list.error && !list.data) return "";
  return listStatus(noun, { pending: list.isPending, count: list.items.length, more: list.hasNextPage }, order);
}

interface Empty {
  title: string;
  body: React.ReactNode;
}

export interface ListShellProps<T> {
  list: ShownList<T>;
  noun: Noun;
  /** Said before "; more are available", e.g. ", newest first". */
  order?: string;
  /** False when the page shows the status itself (shownStatus), e.g. in a toolbar. */
  status?: boolean;
  statusTestId?: string;
  /** Beside the status line, e.g. the export link. */
  statusAside?: React.ReactNode;
  filtered: boolean;
  icon: LucideIcon;
  empty: Empty;
  emptyFiltered: Empty;
  emptyTestId?: string;
  /** Inside a card already: no second card background. */
  plain?: boolean;
  boxTestId?: string;
  /** The table, shown once there is a row. */
  children: React.ReactNode;
}

export function ListShell<T>({
  list,
  noun,
  order,
  status = true,
  statusTestId,
  statusAside,
  filtered,
  icon,
  empty,
  emptyFiltered,
  emptyTestId,
  plain,
  boxTestId,
  children,
}: ListShellProps<T>) {
  const line = status ? (
    <p className="text-sm text-muted-foreground" aria-live="polite" data-testid={statusTestId}>
      {shownStatus(list, noun, order)}
    </p>
  ) : null;
  const shownEmpty = filtered ? emptyFiltered : empty;
  return (
    <>
      {statusAside ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          {line ?? <span />}
          {statusAside}
        </div>
      ) : (
        line
      )}
      {list.error ? <Alert tone="error">{list.error.message}</Alert> : null}
      {list.data && list.items.length === 0 ? (
        <div data-testid={emptyTestId}>
          <EmptyState icon={icon} title={shownEmpty.title}>
            {shownEmpty.body}
          </EmptyState>
        </div>
      ) : null}
      {list.items.length > 0 ? (
        // min-w-0: the table scrolls inside this box instead of widening the page.
        <div className={cn("min-w-0 rounded-lg border border-border", !plain && "bg-card")} data-testid={boxTestId}>
          {children}
        </div>
      ) : null}
      <LoadMore list={list} />
    </>
  );
}
