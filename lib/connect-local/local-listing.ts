// Reads every page of the simulator's /_local/contacts or /_local/events listing, for tests, benchmarks and scripts.
// Imports nothing else from the simulator so Playwright specs and standalone scripts can use it too.

export interface LocalContactFilter {
  /** Only contacts whose ClientToken starts with this. */
  clientTokenPrefix?: string;
  /** Only contacts whose request reached the simulator at or after this moment (wall clock). */
  since?: Date | string;
}

type Get = (url: string) => Promise<unknown>;

const fetchJson: Get = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
};

async function allPages<T>(baseUrl: string, listing: "contacts" | "events", params: URLSearchParams, get: Get): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const query = new URLSearchParams(params);
    if (nextToken) query.set("nextToken", nextToken);
    const text = query.toString();
    const page = (await get(`${baseUrl}/_local/${listing}${text ? `?${text}` : ""}`)) as Record<string, unknown> & { nextToken?: string };
    items.push(...((page[listing] as T[] | undefined) ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return items;
}

/** Every contact the simulator holds that matches `filter`, across all pages, oldest first. */
export function listLocalContacts<T = Record<string, unknown>>(baseUrl: string, filter: LocalContactFilter = {}, get: Get = fetchJson): Promise<T[]> {
  const params = new URLSearchParams();
  if (filter.clientTokenPrefix !== undefined) params.set("clientTokenPrefix", filter.clientTokenPrefix);
  if (filter.since !== undefined) params.set("since", typeof filter.since === "string" ? filter.since : filter.since.toISOString());
  return allPages<T>(baseUrl, "contacts", params, get);
}

/** Every SendChatIntegrationEvent the simulator accepted, across all pages, in the order it accepted them. */
export function listLocalEvents<T = Record<string, unknown>>(baseUrl: string, get: Get = fetchJson): Promise<T[]> {
  return allPages<T>(baseUrl, "events", new URLSearchParams(), get);
}
