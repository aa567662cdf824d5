// The one way a list's filters become a query string: the page URL, the API call and the export link all carry the
// same string, so equal filters give equal strings (and equal query keys).

export type QueryValues = Readonly<Partial<Record<string, string | number | null | undefined>>>;

/** The non-empty values of `keys`, trimmed and in that order, as a query string without the leading "?". */
export function queryString(keys: readonly string[], source: URLSearchParams | QueryValues): string {
  const out = new URLSearchParams();
  for (const key of keys) {
    const raw = source instanceof URLSearchParams ? source.get(key) : source[key];
    const value = raw === null || raw === undefined ? "" : String(raw).trim();
    if (value) out.set(key, value);
  }
  return out.toString();
}

/** `query` with one page's cursor (absent for the first page) and size. */
export function pageQuery(query: string, cursor: string | number | undefined, limit: number): string {
  const params = new URLSearchParams(query);
  if (cursor !== undefined && cursor !== "") params.set("cursor", String(cursor));
  params.set("limit", String(limit));
  return params.toString();
}

/** A path with a query string, without a dangling "?" when there is none. */
export const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);
