// Expected failures carry a deliberate, user-facing message; anything else becomes a generic message with a reference.
import { z } from "zod";
import { logEvent } from "@/lib/log/event";

export type ErrorCode = "unauthenticated" | "forbidden" | "invalid" | "not_found" | "conflict" | "rate_limited" | "unavailable" | "internal";

export const HTTP_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Field path → message, for forms to show next to the field. */
  fields?: Record<string, string>;
  ref?: string;
}

export class UserFacingError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, "internal">,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/**
 * A refusal of the caller (401/403/429) with a stable reason code for the log ("unauthenticated", "role", "cross_site_origin",
 * "key_expired", …). `retryAfter` (seconds) becomes the Retry-After header of a 429; `keyId` names the key refused.
 */
export class RefusalError extends UserFacingError {
  constructor(
    code: "unauthenticated" | "forbidden" | "rate_limited",
    message: string,
    readonly reason: string,
    readonly details: { retryAfter?: number; keyId?: string } = {},
  ) {
    super(code, message);
  }
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

export function toErrorBody(err: unknown, ref: string): ErrorBody {
  if (err instanceof UserFacingError) return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
  if (err instanceof z.ZodError) return { code: "invalid", message: "Some fields need attention", fields: fieldErrors(err) };
  logEvent({ level: "error", event: "unexpected_error", ref, ...describeError(err) });
  return { code: "internal", message: `Something went wrong on our side. Reference: ${ref}`, ref };
}

/** The innermost error's message: drivers wrapped by drizzle hide the real reason ("connect ECONNREFUSED …") in `cause`. */
export function rootMessage(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error && e.cause instanceof Error; depth++) e = e.cause;
  if (e instanceof AggregateError && e.errors[0] instanceof Error) return e.errors[0].message;
  return e instanceof Error ? e.message || e.name : String(e);
}

// Five characters with at least one digit ("23505", "22P02", "XX000"), unlike Node's "EPIPE".
const SQLSTATE = /^(?=.*\d)[0-9A-Z]{5}$/;
const PARAMS_TAIL = /\s*params:[\s\S]*$/;

/**
 * What the log may say about an unexpected error: its class, and for database errors the SQL state, constraint and
 * query text — never the query's parameters (phone numbers, emails, message text) nor the driver's message, which can
 * quote a value ("invalid input syntax for type uuid: …"). Other errors keep their message, cut before any "params:".
 */
export function describeError(err: unknown): Record<string, string | undefined> {
  const chain: unknown[] = [];
  for (let e: unknown = err; e !== undefined && e !== null && chain.length < 5; e = e instanceof Error ? e.cause : undefined) chain.push(e);
  const query = chain.find((e): e is Error & { query: string } => e instanceof Error && typeof (e as { query?: unknown }).query === "string");
  const sqlState = (e: unknown) => (e instanceof Error && "code" in e && typeof e.code === "string" && SQLSTATE.test(e.code) ? e.code : undefined);
  const database = chain.find((e): e is Error & { code: string } => sqlState(e) !== undefined);
  const error = err instanceof Error ? err.constructor.name || err.name : typeof err;
  if (query || database) {
    const constraint = (database as { constraint?: unknown } | undefined)?.constraint;
    return {
      error,
      cause: database && database !== err ? database.constructor.name || database.name : undefined,
      sqlState: database?.code,
      constraint: typeof constraint === "string" ? constraint : undefined,
      query: query?.query.slice(0, 2000),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  // Frames only: the stack's head repeats the message, over as many lines as it has.
  const stack =
    err instanceof Error
      ? err.stack
          ?.split("\n")
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 8)
          .join("\n")
      : undefined;
  return { error, message: message.replace(PARAMS_TAIL, " params: [not logged]").slice(0, 1000), stack };
}

/** describeError() as one short line for a loop's log: the class, then the SQL state and constraint or the message. */
export function errorSummary(err: unknown): string {
  const d = describeError(err);
  if (d.sqlState || d.query)
    return [d.error, d.cause, d.sqlState && `SQLSTATE ${d.sqlState}`, d.constraint && `constraint ${d.constraint}`].filter(Boolean).join(" ");
  return `${d.error}: ${(d.message ?? "").split("\n")[0]}`;
}
