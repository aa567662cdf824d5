// What a cursor list says about itself and its failures. Pure, so the words and the retry policy are tested alone.
import { ApiRequestError } from "@/components/fetch-json";

/** A thing's name, once and many times: ["entry", "entries"]. */
export type Noun = readonly [one: string, many: string];

/** The status line under a list's filters: how many rows are shown and whether more can be loaded. */
export function listStatus(noun: Noun, state: { pending: boolean; count: number; more: boolean }, order = ""): string {
  if (state.pending) return `Loading ${noun[1]}…`;
  const n = state.count;
  return `Showing ${n.toLocaleString("en-US")} ${n === 1 ? noun[0] : noun[1]}${state.more ? `${order}; more are available` : ""}`;
}

/** The server refused the request (a bad filter, a lost session): asking again will not change its answer. */
export const isRefused = (error: unknown): boolean => error instanceof ApiRequestError && error.status >= 400 && error.status < 500;

/** A failed read is tried once more, unless the server refused it. */
export const retryUnlessRefused = (failures: number, error: Error): boolean => !isRefused(error) && failures < 1;

const NO_FIELD_ERRORS: Readonly<Record<string, string>> = Object.freeze({});

/** Each rejected filter's message by its URL name, from an `invalid` error body; none for any other failure. */
export function fieldErrorsOf(error: unknown): Readonly<Record<string, string>> {
  return error instanceof ApiRequestError && error.body.code === "invalid" ? (error.body.fields ?? NO_FIELD_ERRORS) : NO_FIELD_ERRORS;
}

/** The server's field messages read as the end of a sentence ("must be after …"); shown alone they start one. */
export const sentence = (message: string | undefined) => (message ? message.charAt(0).toUpperCase() + message.slice(1) : undefined);
