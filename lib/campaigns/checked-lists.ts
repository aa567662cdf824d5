import "server-only";
// What the last checks of this process found, by fingerprint: a save right after a check of the same list knows its
// counts without reading the list twice. Only the summary comes from here; the rows a save writes are always checked
// again as they are written, and the stored summary is the tally of those rows.
import type { RecipientFacts } from "./preflight-server";

const KEEP_MS = 15 * 60_000;
const KEEP_ENTRIES = 20;

const g = globalThis as unknown as { __checkedLists?: Map<string, { facts: RecipientFacts; at: number }> };
const entries = () => (g.__checkedLists ??= new Map());

export function rememberCheck(fingerprint: string, facts: RecipientFacts, now = Date.now()): void {
  const map = entries();
  map.delete(fingerprint);
  map.set(fingerprint, { facts, at: now });
  // A Map iterates in insertion order: the first entries are the oldest.
  for (const key of map.keys()) {
    if (map.size <= KEEP_ENTRIES) break;
    map.delete(key);
  }
}

export function recalledCheck(fingerprint: string, now = Date.now()): RecipientFacts | undefined {
  const hit = entries().get(fingerprint);
  if (!hit || now - hit.at > KEEP_MS) return undefined;
  return hit.facts;
}
