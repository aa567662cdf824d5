// Preflight: what would happen to every recipient row if the campaign launched now. The browser runs it for the
// composer's preview and the server runs it again before launch; both get the same answer from the same code.
//
// Each row gets exactly one status, checked in this order: the row's shape, the phone number, the country, the
// suppression list, an earlier valid row with the same number, then the row's values (its time zone, variables and
// attributes). A repeat of a number counts as a
// duplicate only of a row that will be sent, so an invalid first copy never hides a good second one.
import { normalizePhone } from "./normalize-phone";
import { planPreflight, type PreflightOptions, type PreflightPlan } from "./preflight-plan";
import type { InvalidProblem, InvalidRow, PreflightReport, PreflightRow, PreflightTally, ValidRow } from "./preflight-types";
import { utf8ByteLength } from "./attributes";
import { nextTurn } from "./event-loop";
import type { RecipientMappingInput } from "./mapping";
import { SmsSegmentTally } from "@/lib/messages/sms-segments";
import { renderTemplate } from "./placeholders";
import type { RecipientRow, RecipientTable } from "./table";

export interface PreflightBatchOptions {
  /** Overrides options.isSuppressed for this batch, for callers that look suppression up a batch at a time. */
  isSuppressed?: (e164: string) => boolean;
}

export interface PreflightChecker {
  /** The rows' results, in order. Rows are judged as if every earlier batch came before them in one list. */
  checkBatch(rows: readonly RecipientRow[], batchOptions?: PreflightBatchOptions): PreflightRow[];
  /** Counts and samples of every row checked so far. */
  tally(): PreflightTally;
}

/**
 * Checks a list a batch at a time, keeping only what spans batches: the numbers already claimed by valid rows, the
 * counts and the samples. Throws RecipientsInputError (with field errors) when the mapping or options cannot work for any row.
 */
export function createPreflightChecker(header: string[], mapping: RecipientMappingInput, options: PreflightOptions = {}): PreflightChecker {
  const plan = planPreflight(header, mapping, options);
  const tally: PreflightTally = {
    total: 0,
    counts: { valid: 0, invalid: 0, duplicate: 0, suppressed: 0 },
    invalidByProblem: {},
    samples: { valid: [], invalid: [], duplicate: [], suppressed: [] },
  };
  // E.164 → line of the valid row that claimed it.
  const sentTo = new Map<string, number>();
  // Every valid row's message as sent, so the summary can say what the campaign costs in segments.
  const segments = plan.template === undefined ? undefined : new SmsSegmentTally();
  return {
    checkBatch(rows, batchOptions = {}) {
      const isSuppressed = batchOptions.isSuppressed ?? plan.isSuppressed;
      const results = new Array<PreflightRow>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const result = checkRow(rows[i]!, plan, isSuppressed, sentTo);
        if (result.status === "valid") {
          sentTo.set(result.e164, result.line);
          if (segments !== undefined && result.message !== undefined) segments.add(result.message);
        }
        results[i] = result;
        record(tally, result, plan.sampleSize);
      }
      return results;
    },
    tally() {
      // A copy, so later batches do not change a tally already handed out.
      return {
        total: tally.total,
        counts: { ...tally.counts },
        invalidByProblem: { ...tally.invalidByProblem },
        ...(segments !== undefined ? { smsSegments: segments.result() } : {}),
        samples: {
          valid: [...tally.samples.valid],
          invalid: [...tally.samples.invalid],
          duplicate: [...tally.samples.duplicate],
          suppressed: [...tally.samples.suppressed],
        },
      };
    },
  };
}

/** Throws RecipientsInputError (with field errors) when the mapping or options cannot work for any row. */
export function preflightRecipients(table: RecipientTable, mapping: RecipientMappingInput, options: PreflightOptions = {}): PreflightReport {
  const checker = createPreflightChecker(table.header, mapping, options);
  const rows = checker.checkBatch(table.rows);
  return { ...checker.tally(), rows };
}

export interface PreflightProgressOptions {
  /** Called after each slice with the number of rows checked so far. */
  onProgress?: (rowsChecked: number) => void;
  /** Aborting stops the check with the signal's reason. */
  signal?: AbortSignal;
  /** Rows checked between hand-backs of the event loop; 5,000 when left out. */
  sliceRows?: number;
}

export const DEFAULT_SLICE_ROWS = 5_000;

/** The same report as preflightRecipients, computed in slices that hand the event loop back between them. */
export async function preflightRecipientsAsync(
  table: RecipientTable,
  mapping: RecipientMappingInput,
  options: PreflightOptions = {},
  progress: PreflightProgressOptions = {},
): Promise<PreflightReport> {
  const { signal } = progress;
  const sliceRows = progress.sliceRows ?? DEFAULT_SLICE_ROWS;
  if (!Number.isInteger(sliceRows) || sliceRows < 1) throw new RangeError(`sliceRows must be a positive integer, not ${sliceRows}`);
  signal?.throwIfAborted();
  const checker = createPreflightChecker(table.header, mapping, options);
  const rows: PreflightRow[] = [];
  for (let from = 0; from < table.rows.length; from += sliceRows) {
    if (from > 0) await nextTurn();
    signal?.throwIfAborted();
    for (const row of checker.checkBatch(table.rows.slice(from, from + sliceRows))) rows.push(row);
    progress.onProgress?.(rows.length);
  }
  return { ...checker.tally(), rows };
}

function checkRow(
  row: RecipientRow,
  plan: PreflightPlan,
  isSuppressed: ((e164: string) => boolean) | undefined,
  sentTo: ReadonlyMap<string, number>,
): PreflightRow {
  const { cells, line } = row;
  const phoneRaw = cells[plan.phoneColumn] ?? "";
  const name = plan.nameColumn === -1 ? undefined : cells[plan.nameColumn]?.trim() || undefined;

  if (cells.length < plan.columnCount) {
    const reason = `the row has ${cells.length} ${cells.length === 1 ? "column" : "columns"}; the header has ${plan.columnCount}`;
    return invalid(line, phoneRaw, name, "too_few_columns", reason);
  }
  for (let c = plan.columnCount; c < cells.length; c++) {
    // Usually a value with a comma that was not quoted, which would shift every later column.
    if (cells[c]!.trim() !== "") {
      return invalid(line, phoneRaw, name, "too_many_columns", "the row has more columns than the header (a value with a comma may need quotes)");
    }
  }

  const phone = normalizePhone(phoneRaw, plan.defaultCountry);
  if (!phone.ok) return invalid(line, phoneRaw, name, phone.problem, phone.reason, undefined, phone.country);
  const { e164, country } = phone;
  if (plan.allowedCountries !== undefined && (country === undefined || !plan.allowedCountries.has(country))) {
    const is = country === undefined ? `+${phone.callingCode} is not tied to a country` : `+${phone.callingCode} is ${country}`;
    return invalid(line, phoneRaw, name, "wrong_country", `wrong country for the source number (${is}, ${plan.allowedCountriesText})`, e164, country);
  }
  if (plan.rejectLandlines && phone.type === "FIXED_LINE") {
    return invalid(line, phoneRaw, name, "landline", "a landline number, which cannot receive SMS", e164, country);
  }
  if (isSuppressed?.(e164)) return { status: "suppressed", line, phoneRaw, name, e164, reason: "on the suppression list" };
  const firstLine = sentTo.get(e164);
  if (firstLine !== undefined) {
    return { status: "duplicate", line, phoneRaw, name, e164, duplicateOfLine: firstLine, reason: `same number as line ${firstLine}` };
  }

  let timeZone: string | undefined;
  if (plan.timeZoneColumn !== -1) {
    const zone = plan.timeZoneOf(cells[plan.timeZoneColumn] ?? "");
    if (zone !== undefined && "reason" in zone) return invalid(line, phoneRaw, name, "unknown_time_zone", zone.reason, e164, country);
    timeZone = zone?.zone;
  }

  const variables: Record<string, string> = {};
  let missing: string[] | undefined;
  for (const source of plan.variables) {
    const cell = source.column === -1 ? "" : (cells[source.column]?.trim() ?? "");
    const value = cell !== "" ? cell : source.fixed;
    if (value === undefined) (missing ??= []).push(source.emptyHint === "" ? `{{${source.name}}}` : `{{${source.name}}} (${source.emptyHint})`);
    else variables[source.name] = value;
  }
  if (missing !== undefined) return invalid(line, phoneRaw, name, "missing_value", `missing a value for ${missing.join(", ")}`, e164, country);

  const attributes: Record<string, string> = {};
  let bytes = plan.fixedAttributeBytes;
  for (const source of plan.attributes) {
    const value = cells[source.column]?.trim() ?? "";
    attributes[source.key] = value;
    bytes += source.keyBytes + utf8ByteLength(value);
  }
  if (bytes > plan.attributeByteLimit) {
    const reason = `attributes take ${bytes.toLocaleString("en-US")} bytes; the limit is ${plan.attributeByteLimit.toLocaleString("en-US")}`;
    return invalid(line, phoneRaw, name, "attributes_too_large", reason, e164, country);
  }

  const message = plan.template === undefined ? undefined : renderTemplate(plan.template, variables).text;
  const valid: ValidRow = { status: "valid", line, phoneRaw, name, e164, country, attributes, variables, message };
  if (timeZone !== undefined) valid.timeZone = timeZone;
  return valid;
}

function invalid(
  line: number,
  phoneRaw: string,
  name: string | undefined,
  problem: InvalidProblem,
  reason: string,
  e164?: string,
  country?: string,
): InvalidRow {
  return { status: "invalid", line, phoneRaw, name, problem, reason, e164, country };
}

function record(report: PreflightTally, row: PreflightRow, sampleSize: number): void {
  report.total++;
  report.counts[row.status]++;
  if (row.status === "invalid") report.invalidByProblem[row.problem] = (report.invalidByProblem[row.problem] ?? 0) + 1;
  const samples = report.samples[row.status] as PreflightRow[];
  if (samples.length < sampleSize) samples.push(row);
}
