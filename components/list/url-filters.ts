"use client";
// A list's filters as typed state in the page URL (nuqs), so a filtered view survives a reload and can be shared as a
// link. The URL names are the API's, and the query string the list reads is built from them in the parsers' order.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useQueryStates, type HistoryOptions, type UseQueryStatesKeysMap } from "nuqs";
import { parseFilterInput, writtenValues, type FilterInput } from "./filter-values";
import { queryString } from "./query-string";

export interface UrlFiltersOptions<M> {
  /** "push" (the default) makes each applied filter a back-button step; "replace" suits filters that apply as they change. */
  history?: HistoryOptions;
  /** The list's query key prefix: applying the filters already shown reads the list again instead. */
  refresh?: QueryKey;
  /** Keys that order the list rather than narrow it, so they do not make it "filtered". */
  orderKeys?: readonly (keyof M & string)[];
}

export function useUrlFilters<M extends UseQueryStatesKeysMap>(parsers: M, { history = "push", refresh, orderKeys = [] }: UrlFiltersOptions<M> = {}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useQueryStates(parsers, { history, scroll: false, shallow: true });
  const keys = Object.keys(parsers);
  const strings = writtenValues(parsers, values);
  const query = queryString(keys, strings);
  const filtered = keys.some((key) => !orderKeys.includes(key as keyof M & string) && strings[key] !== null);

  /** Apply the form's text; the same filters again refresh the list rather than add a history entry. */
  function apply(input: FilterInput<M>) {
    const next = parseFilterInput(parsers, input);
    if (queryString(keys, writtenValues(parsers, next)) === query) {
      if (refresh) void queryClient.invalidateQueries({ queryKey: refresh });
      return;
    }
    void setValues(next as Parameters<typeof setValues>[0]);
  }

  return { values, strings, query, filtered, apply, clear: () => apply({}) };
}

export type UrlFilters<M extends UseQueryStatesKeysMap> = ReturnType<typeof useUrlFilters<M>>;
