// A list's filters between the form, the typed URL state and the query string. Pure.
import type { UseQueryStatesKeysMap, Values } from "nuqs";

export type FilterInput<M> = Partial<Record<keyof M & string, string>>;

// Every list filter is one value under one URL name (no arrays), so each parser reads and writes a single string.
type SingleParser = { parse(text: string): unknown; serialize(value: unknown): string };
const parserOf = (parsers: UseQueryStatesKeysMap, key: string) => parsers[key] as unknown as SingleParser;

/** The applied values as the URL writes them, for the query string. */
export function writtenValues<M extends UseQueryStatesKeysMap>(parsers: M, values: Values<M>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of Object.keys(parsers)) {
    const value = values[key];
    out[key] = value === null || value === undefined ? null : parserOf(parsers, key).serialize(value);
  }
  return out;
}

/** Text from a form, read by each filter's parser; blank, or a choice the parser does not know, clears that filter. */
export function parseFilterInput<M extends UseQueryStatesKeysMap>(parsers: M, input: FilterInput<M>): Values<M> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(parsers)) {
    const text = input[key as keyof M & string]?.trim();
    out[key] = text ? parserOf(parsers, key).parse(text) : null;
  }
  return out as Values<M>;
}
