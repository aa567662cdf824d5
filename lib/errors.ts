// Expected failures carry a deliberate, user-facing message; anything else becomes a generic message with a reference.
import { z } from "zod";

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
  console.error(`[console] unexpected error (ref ${ref}):`, err);
  return { code: "internal", message: `Something went wrong on our side. Reference: ${ref}`, ref };
}

/** The innermost error's message: drivers wrapped by drizzle hide the real reason ("connect ECONNREFUSED …") in `cause`. */
export function rootMessage(err: unknown): string {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e instanceof Error && e.cause instanceof Error; depth++) e = e.cause;
  if (e instanceof AggregateError && e.errors[0] instanceof Error) return e.errors[0].message;
  return e instanceof Error ? e.message || e.name : String(e);
}
