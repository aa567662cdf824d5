// The preflight report as a CSV the user can open in a spreadsheet, fix and upload again.
import { csvLine, csvStream } from "@/lib/csv/write";
import type { PreflightRow } from "./preflight-types";

// time_zone comes last so the columns before keep their places in sheets built on earlier reports.
export const PREFLIGHT_CSV_HEADER = ["line", "status", "phone", "e164", "name", "reason", "duplicate_of_line", "time_zone"] as const;

export function preflightCsvCells(row: PreflightRow): unknown[] {
  return [
    row.line,
    row.status,
    row.phoneRaw,
    row.e164 ?? "",
    row.name ?? "",
    row.status === "valid" ? "" : row.reason,
    row.status === "duplicate" ? row.duplicateOfLine : "",
    // Only a valid row's zone is read; empty: the zones of its number apply.
    row.status === "valid" ? (row.timeZone ?? "") : "",
  ];
}

/** The whole report as one string, with the byte order mark Excel needs to read it as UTF-8 (as csvStream writes). */
export function preflightReportCsv(rows: Iterable<PreflightRow>): string {
  const lines = [`\uFEFF${csvLine(PREFLIGHT_CSV_HEADER)}`];
  for (const row of rows) lines.push(csvLine(preflightCsvCells(row)));
  return lines.join("");
}

/** The report as a byte stream, for a download route that should not build the whole file in memory. */
export function preflightReportStream(rows: Iterable<PreflightRow> | AsyncIterable<PreflightRow>): ReadableStream<Uint8Array> {
  return csvStream(PREFLIGHT_CSV_HEADER, toAsync(rows), preflightCsvCells);
}

async function* toAsync<T>(items: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  yield* items;
}
