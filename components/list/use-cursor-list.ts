"use client";
// One cursor-paged list read through TanStack's infinite query: the first page for the applied filters, then the
// next page each time Load more asks, each page naming the cursor of the one after it.
import { useInfiniteQuery, type QueryKey } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { fieldErrorsOf, retryUnlessRefused } from "./list-words";
import { pageQuery } from "./query-string";

export type Cursor = string | number;

export interface CursorPage {
  nextCursor: Cursor | null;
}

export interface CursorListOptions<P extends CursorPage, T> {
  /** Every query of this list starts with it, so one invalidation refreshes the list under any filter. */
  queryKey: QueryKey;
  /** The route that serves pages, without a query string. */
  path: string;
  /** The applied filters as a query string (queryString), also the last part of the query key. */
  query: string;
  limit: number;
  /** The rows of one page. */
  rows: (page: P) => T[];
  refetchInterval?: number;
}

export function useCursorList<P extends CursorPage, T>({ queryKey, path, query, limit, rows, refetchInterval }: CursorListOptions<P, T>) {
  const list = useInfiniteQuery({
    queryKey: [...queryKey, query],
    queryFn: ({ pageParam, signal }) => fetchJson<P>(`${path}?${pageQuery(query, pageParam, limit)}`, signal),
    initialPageParam: undefined as Cursor | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A rejected filter or a lost session will not fix itself on a second try.
    retry: retryUnlessRefused,
    refetchInterval,
  });
  return {
    ...list,
    items: list.data?.pages.flatMap(rows) ?? [],
    fieldErrors: fieldErrorsOf(list.error),
  };
}

export type CursorList<T> = ReturnType<typeof useCursorList<CursorPage, T>>;
