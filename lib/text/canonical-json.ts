// JSON with every object's keys sorted, so the same value gives the same text whatever order its keys were built or
// stored in (PostgreSQL's jsonb reorders them): what a fingerprint or version hash is taken over.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}
