// Structured log lines: one JSON object per line on stdout/stderr, so refusals and errors can be searched and counted.
// Fields are identifiers and codes only — never emails, phone numbers, message text or SQL parameters.

export type LogLevel = "info" | "warn" | "error";

export interface LogFields {
  level?: LogLevel;
  /** What happened, a short stable word: "refused", "error", "signature_rejected". */
  event: string;
  [field: string]: string | number | boolean | null | undefined;
}

/** Writes one line `{"time":…,"level":…,"event":…, …fields}`; undefined fields are left out. Errors go to stderr. */
export function logEvent(fields: LogFields): void {
  const level = fields.level ?? "info";
  const line = JSON.stringify({ time: new Date().toISOString(), ...fields, level });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
