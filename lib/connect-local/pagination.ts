// Opaque page tokens bound to one listing (operation + filters) so a token from elsewhere is rejected.
import { createHash } from "node:crypto";
import type { Validator } from "./validator";

export interface PageRequest {
  nextToken?: string;
  maxResults?: number;
}

export function paginate<T>(v: Validator, items: T[], scope: string, request: PageRequest, limits: { defaultSize: number }): { page: T[]; nextToken?: string } {
  const offset = request.nextToken === undefined ? 0 : decodeToken(v, request.nextToken, scope, items.length);
  const size = request.maxResults ?? limits.defaultSize;
  const page = items.slice(offset, offset + size);
  const end = offset + page.length;
  return end < items.length ? { page, nextToken: encodeToken(scope, end) } : { page };
}

function signature(scope: string, offset: number): string {
  return createHash("sha256").update(`${scope}\u0000${offset}`).digest("base64url").slice(0, 16);
}

function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, s: signature(scope, offset) })).toString("base64url");
}

function decodeToken(v: Validator, token: string, scope: string, total: number): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    parsed = undefined;
  }
  const candidate = parsed as { o?: unknown; s?: unknown } | undefined;
  const offset = candidate?.o;
  if (typeof offset !== "number" || !Number.isInteger(offset) || offset <= 0 || offset > total || candidate?.s !== signature(scope, offset)) {
    v.fail("NextToken is not valid for this request; pass the token from the previous page with the same filters");
  }
  return offset;
}

/** maxResults/nextToken from the query string of a GET listing. */
export function pageFromQuery(v: Validator, query: URLSearchParams, range: { min: number; max: number }): PageRequest {
  const raw = query.get("maxResults");
  let maxResults: number | undefined;
  if (raw !== null) {
    const value = Number(raw);
    if (raw.trim() === "" || !Number.isInteger(value)) v.fail(`MaxResults must be an integer (got "${raw}")`);
    if (value < range.min || value > range.max) v.fail(`MaxResults must be between ${range.min} and ${range.max} (got ${value})`);
    maxResults = value;
  }
  const nextToken = query.get("nextToken") ?? undefined;
  return { maxResults, nextToken };
}
