// Drizzle wraps driver errors ("Failed query: …"); the database's own words are in the cause chain.
export function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error && parts.length < 5; e = e.cause) parts.push(e.message);
  return parts.join(" <- ");
}

export async function rejectionText(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return errorText(err);
  }
  throw new Error("expected the promise to reject, but it resolved");
}
