import "server-only";
// Writes a draft's ledger rows in bulk: COPY on PostgreSQL, COPY from a blob on PGlite, each batch its own statement so
// other queries run between batches (PGlite answers one query at a time). Rows are written outside any transaction:
// campaigns.ledger_state says whether the rows are complete (see lib/campaigns/save-draft.ts).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { from as copyFrom } from "pg-copy-streams";
import { rawClientOf } from "@/lib/db/raw-client";
import { campaignRecipients } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export type NewRecipientRow = Omit<typeof campaignRecipients.$inferInsert, "id" | "campaignId">;

const COLUMNS = [
  "campaign_id",
  "line",
  "phone_raw",
  "phone",
  "name",
  "attributes",
  "variables",
  "preflight_status",
  "reason",
  "duplicate_of_line",
  "send_status",
  "time_zone",
] as const;
const COPY_SQL = `COPY campaign_recipients (${COLUMNS.join(", ")}) FROM STDIN`;

// COPY's text format: a backslash starts an escape, tab separates columns, a line break ends the row, \N is null.
const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(SPECIAL, (c) => ESCAPES[c]!);
}

const jsonField = (value: unknown) => (value === null || value === undefined ? "\\N" : copyField(JSON.stringify(value)));

/** One row of COPY text for campaign_recipients, in COLUMNS order, ending with a line break. */
export function copyLine(campaignId: string, r: NewRecipientRow): string {
  return (
    [
      campaignId,
      copyField(r.line),
      copyField(r.phoneRaw),
      copyField(r.phone),
      copyField(r.name),
      jsonField(r.attributes),
      jsonField(r.variables),
      r.preflightStatus,
      copyField(r.reason),
      copyField(r.duplicateOfLine),
      copyField(r.sendStatus),
      copyField(r.timeZone),
    ].join("\t") + "\n"
  );
}

export function copyText(campaignId: string, rows: readonly NewRecipientRow[]): string {
  let text = "";
  for (const r of rows) text += copyLine(campaignId, r);
  return text;
}

export interface LedgerWriter {
  /** Writes one batch as one statement. */
  write(rows: readonly NewRecipientRow[]): Promise<void>;
  /** Returns the pooled connection, if one was taken. Always call it, also after a failed write. */
  close(): Promise<void>;
}

/**
 * A writer for one campaign's rows. On a transaction (no driver behind it) it falls back to multi-row INSERTs, which
 * are slower but take part in the caller's transaction.
 */
export async function openLedgerWriter(db: Db, campaignId: string): Promise<LedgerWriter> {
  const raw = rawClientOf(db);
  if (raw?.kind === "postgres") {
    const client = await raw.pool.connect();
    let broken: unknown;
    return {
      write: async (rows) => {
        if (rows.length === 0) return;
        try {
          await pipeline(Readable.from([Buffer.from(copyText(campaignId, rows), "utf8")]), client.query(copyFrom(COPY_SQL)));
        } catch (err) {
          broken = err;
          throw err;
        }
      },
      // A COPY that failed part-way may leave the connection mid-protocol: the pool must not hand it out again.
      close: async () => client.release(broken instanceof Error ? broken : undefined),
    };
  }
  if (raw?.kind === "pglite") {
    const pglite = raw.client;
    return {
      write: async (rows) => {
        if (rows.length === 0) return;
        await pglite.query(`COPY campaign_recipients (${COLUMNS.join(", ")}) FROM '/dev/blob'`, [], {
          blob: new Blob([copyText(campaignId, rows)]),
        });
      },
      close: async () => {},
    };
  }
  return {
    write: async (rows) => {
      // 12 values a row: 5,000 rows stay under PostgreSQL's 65,535 bind parameters.
      for (let i = 0; i < rows.length; i += 5000) {
        await db.insert(campaignRecipients).values(rows.slice(i, i + 5000).map((r) => ({ ...r, campaignId })));
      }
    },
    close: async () => {},
  };
}

/**
 * Deletes a campaign's rows a batch at a time, each batch its own statement, so a million-row draft never holds
 * the embedded database for the whole delete. Batches go by line range: each starts past the rows already deleted,
 * instead of stepping over their dead index entries again.
 */
export async function deleteLedgerRows(db: Db, campaignId: string, batchRows = 10_000): Promise<number> {
  let deleted = 0;
  // The smallest integer the line column holds.
  let after = -2_147_483_648;
  for (;;) {
    const [edge] = await db
      .select({ line: campaignRecipients.line })
      .from(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), gt(campaignRecipients.line, after)))
      .orderBy(asc(campaignRecipients.line))
      .offset(batchRows - 1)
      .limit(1);
    const rows = await db
      .delete(campaignRecipients)
      .where(and(eq(campaignRecipients.campaignId, campaignId), gt(campaignRecipients.line, after), edge ? lte(campaignRecipients.line, edge.line) : undefined))
      .returning({ one: sql<number>`1` });
    deleted += rows.length;
    if (!edge) return deleted;
    after = edge.line;
  }
}

/**
 * Replaces a campaign's recipient rows: deletes and writes in bulk batches, each its own statement. Outside a
 * transaction the rows become visible batch by batch; a draft's save guards that with its ledger state.
 */
export async function replaceRecipients(db: Db, campaignId: string, rows: Iterable<NewRecipientRow>, batchRows = 5000): Promise<number> {
  await deleteLedgerRows(db, campaignId);
  const writer = await openLedgerWriter(db, campaignId);
  let batch: NewRecipientRow[] = [];
  let total = 0;
  try {
    for (const row of rows) {
      batch.push(row);
      if (batch.length === batchRows) {
        await writer.write(batch);
        total += batch.length;
        batch = [];
      }
    }
    await writer.write(batch);
    return total + batch.length;
  } finally {
    await writer.close();
  }
}
