// What preflight says about each recipient row. Field names follow the campaign_recipients table so rows store as they are.
import type { SmsSegmentTallyResult } from "@/lib/messages/sms-segments";
import type { PhoneProblem } from "./normalize-phone";

export type PreflightStatus = "valid" | "invalid" | "duplicate" | "suppressed";

export const PREFLIGHT_STATUSES: readonly PreflightStatus[] = ["valid", "invalid", "duplicate", "suppressed"];

export type InvalidProblem =
  PhoneProblem | "wrong_country" | "landline" | "unknown_time_zone" | "missing_value" | "attributes_too_large" | "too_few_columns" | "too_many_columns";

interface RowBase {
  /** Line of the source the row starts on. */
  line: number;
  /** The phone cell as written. */
  phoneRaw: string;
  name?: string;
}

export interface ValidRow extends RowBase {
  status: "valid";
  e164: string;
  country?: string;
  /** Attributes from this row's mapped columns. Fixed attributes are not repeated per row but count towards its byte limit. */
  attributes: Record<string, string>;
  /** Every variable this recipient's message uses (mapped columns, required and template variables), resolved. */
  variables: Record<string, string>;
  /** The message with placeholders filled in, when a message template was given. */
  message?: string;
  /** The row's own IANA zone from the time zone column, canonically spelt; left out when the number's zones apply. */
  timeZone?: string;
}

export interface InvalidRow extends RowBase {
  status: "invalid";
  problem: InvalidProblem;
  /** Lower-case phrase for people: "too short for US". */
  reason: string;
  /** Set when the number itself was fine and something else made the row invalid. */
  e164?: string;
  country?: string;
}

export interface DuplicateRow extends RowBase {
  status: "duplicate";
  e164: string;
  /** The valid row with the same E.164 number. */
  duplicateOfLine: number;
  reason: string;
}

export interface SuppressedRow extends RowBase {
  status: "suppressed";
  e164: string;
  reason: string;
}

export type PreflightRow = ValidRow | InvalidRow | DuplicateRow | SuppressedRow;

export interface PreflightReport {
  /** Rows looked at; always the sum of `counts`. */
  total: number;
  counts: Record<PreflightStatus, number>;
  invalidByProblem: Partial<Record<InvalidProblem, number>>;
  /** The first rows of each status, for the composer to show. */
  samples: { valid: ValidRow[]; invalid: InvalidRow[]; duplicate: DuplicateRow[]; suppressed: SuppressedRow[] };
  /** Every row, in source order, each exactly once. */
  rows: PreflightRow[];
}

/** A report without its rows: what a check of a list in batches keeps once the batches have gone on. */
export type PreflightTally = Omit<PreflightReport, "rows"> & {
  /** SMS segments of the valid rows' rendered messages; only when there is a message text. */
  smsSegments?: SmsSegmentTallyResult;
};
