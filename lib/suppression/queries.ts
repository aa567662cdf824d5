import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { suppressions, type Suppression } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { SuppressionCursor, SuppressionSource } from "./schemas";

// Numbers per `in (…)` lookup and rows per insert: well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function isSuppressed(db: Db, e164: string): Promise<boolean> {
  const [row] = await db.select({ phone: suppressions.phone }).from(suppressions).where(eq(suppressions.phone, e164)).limit(1);
  return row !== undefined;
}

/** Which of these numbers are on the list: for a campaign's preflight over up to 100,000 recipients. */
export async function suppressedAmong(db: Db, e164s: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(e164s)])) {
    const rows = await db.select({ phone: suppressions.phone }).from(suppressions).where(inArray(suppressions.phone, part));
    for (const r of rows) found.add(r.phone);
  }
  return found;
}

export async function findSuppression(db: Db, e164: string): Promise<Suppression | undefined> {
  const [row] = await db.select().from(suppressions).where(eq(suppressions.phone, e164));
  return row;
}

export interface NewSuppression {
  phone: string;
  reason: string;
  source: SuppressionSource;
  createdBy: string;
}

/** Inserts what is not on the list yet and returns only those rows; numbers already present are left as they are. */
export async function insertSuppressions(db: Db, rows: readonly NewSuppression[]): Promise<Suppression[]> {
  const added: Suppression[] = [];
  for (const part of chunks(rows)) {
    added.push(...(await db.insert(suppressions).values(part).onConflictDoNothing({ target: suppressions.phone }).returning()));
  }
  return added;
}

export async function deleteSuppression(db: Db, e164: string): Promise<Suppression | undefined> {
  const [row] = await db.delete(suppressions).where(eq(suppressions.phone, e164)).returning();
  return row;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Contains, without case, on the number or the reason; "020 7946" also finds +44207946… by its digits. */
function matches(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const digits = q.replace(/\D/g, "");
  const digitsOnly = /^[\d\s().+-]+$/.test(q) && digits.length > 0;
  return or(
    ilike(suppressions.phone, `%${escapeLike(q)}%`),
    ilike(suppressions.reason, `%${escapeLike(q)}%`),
    // A nationally written number loses its leading 0 in E.164, so that is dropped before matching.
    digitsOnly ? ilike(suppressions.phone, `%${digits.replace(/^0+/, "")}%`) : undefined,
  );
}

// The time as PostgreSQL keeps it, to the microsecond: a cursor rounded to JavaScript's milliseconds would skip rows.
const createdAtText = sql<string>`to_char(${suppressions.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function after(cursor: SuppressionCursor | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const at = sql`${cursor.at}::timestamptz`;
  return or(sql`${suppressions.createdAt} < ${at}`, and(sql`${suppressions.createdAt} = ${at}`, sql`${suppressions.phone} > ${cursor.phone}`));
}

export interface SuppressionQuery {
  q?: string;
  cursor?: SuppressionCursor;
  limit: number;
}

/** Newest first (then by number), keyset-paginated: the cursor is the last row's time and number. */
export async function listSuppressions(db: Db, f: SuppressionQuery): Promise<{ rows: Suppression[]; nextCursor: SuppressionCursor | null }> {
  const found = await db
    .select({ row: suppressions, at: createdAtText })
    .from(suppressions)
    .where(and(matches(f.q), after(f.cursor)))
    .orderBy(desc(suppressions.createdAt), asc(suppressions.phone))
    .limit(f.limit + 1);
  const page = found.slice(0, f.limit);
  const last = page.at(-1);
  return { rows: page.map((r) => r.row), nextCursor: found.length > f.limit && last ? { at: last.at, phone: last.row.phone } : null };
}

/** Every matching row in list order, a page at a time, so an export never holds the whole list in memory. */
export async function* iterateSuppressions(db: Db, f: { q?: string }, pageSize = 1000): AsyncGenerator<Suppression> {
  let cursor: SuppressionCursor | undefined;
  for (;;) {
    const page = await listSuppressions(db, { q: f.q, cursor, limit: pageSize });
    yield* page.rows;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

export async function countSuppressions(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(suppressions);
  return row?.n ?? 0;
}

/** Every suppressed number, for checking a whole campaign in one pass when the list is not huge. */
export async function allSuppressedNumbers(db: Db): Promise<Set<string>> {
  const rows = await db.select({ phone: suppressions.phone }).from(suppressions);
  return new Set(rows.map((r) => r.phone));
}
