// The recipients benchmark's table and its targets. Figures depend on the machine, so targets are printed as met or
// NOT met and never asserted.
import { healthStats, type ConsoleWatcher, type HealthStats } from "./recipients-bench-sampler";
import { STAGES, type StageResult } from "./recipients-bench-stages";

export const IDLE = "idle";
const MB = 1024 * 1024;
const TARGET_ROWS = 1_000_000;
const TARGET_DRAFT_S = 15;
const TARGET_RSS_MB = 1024;
const TARGET_P99_MS = 250;

export interface RunReport {
  rows: number;
  database: string;
  stages: StageResult[];
  watcher: ConsoleWatcher;
  /** VmHWM of the console process at the end of the run. */
  hwmBytes?: number;
  /** Set when the run broke before its stages finished. */
  broke?: string;
}

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–");

function row(size: string, database: string, stage: string, seconds: number | undefined, h: HealthStats, rssBytes: number, note = ""): string {
  return [
    size.padStart(9),
    database.padEnd(10),
    stage.padEnd(17),
    (seconds === undefined ? "–" : num(seconds, 2)).padStart(8),
    num(h.count).padStart(6),
    num(h.failed).padStart(6),
    num(h.p50).padStart(7),
    num(h.p99).padStart(7),
    num(h.max).padStart(7),
    (rssBytes > 0 ? num(rssBytes / MB) : "–").padStart(8),
    note,
  ]
    .join("  ")
    .trimEnd();
}

export function printHeader(): void {
  console.log(
    `${"rows".padStart(9)}  ${"database".padEnd(10)}  ${"stage".padEnd(17)}  ${"wall s".padStart(8)}  ${"health".padStart(6)}  ${"failed".padStart(6)}  ` +
      `${"p50 ms".padStart(7)}  ${"p99 ms".padStart(7)}  ${"max ms".padStart(7)}  ${"RSS MB".padStart(8)}`,
  );
}

/** The draft target's clock: from the first byte of the upload to the checked draft's answer. */
function toDraftSeconds(stages: StageResult[]): number | undefined {
  const upload = stages.find((s) => s.stage === "upload")?.seconds;
  const draft = stages.find((s) => s.stage === "checked draft")?.seconds;
  return upload !== undefined && draft !== undefined ? upload + draft : undefined;
}

export function printRun(r: RunReport): void {
  const size = r.rows.toLocaleString("en-US");
  const idle = r.watcher.samples(IDLE);
  console.log(row(size, r.database, `${IDLE} (baseline)`, undefined, healthStats(idle.health), idle.peakRss));
  for (const stage of STAGES) {
    const result = r.stages.find((s) => s.stage === stage);
    const samples = r.watcher.samples(stage);
    if (!result && samples.health.length === 0) continue;
    console.log(
      row(size, r.database, stage, result?.seconds, healthStats(samples.health), samples.peakRss, result?.note ?? (result ? "" : "(did not finish)")),
    );
  }
  const all = r.watcher.overall([IDLE]);
  const overall = healthStats(all.health);
  const draftS = toDraftSeconds(r.stages);
  const up = r.watcher.samples("upload");
  const draft = r.watcher.samples("checked draft");
  console.log(
    row(
      size,
      r.database,
      "to checked draft",
      draftS,
      healthStats([...up.health, ...draft.health]),
      Math.max(up.peakRss, draft.peakRss),
      "upload + checked draft",
    ),
  );
  console.log(row(size, r.database, "all stages", undefined, overall, r.hwmBytes ?? all.peakRss, r.hwmBytes ? "RSS: VmHWM, the process's peak" : ""));
  const cpu = STAGES.flatMap((stage) => {
    const s = r.watcher.samples(stage);
    if (s.health.length === 0) return [];
    const pg = r.database === "PostgreSQL" ? `, PostgreSQL ${num(s.postgresCpu, 1)} s` : "";
    return [`${stage} console ${num(s.consoleCpu, 1)} s${pg}`];
  });
  // Against the wall time, says which side a stage waited on: two cores give at most 2 CPU seconds a second.
  if (cpu.length > 0)
    console.log(
      `  CPU used (${r.database === "PostgreSQL" ? "the console process and the machine's PostgreSQL" : "the console process, database included"}): ${cpu.join("; ")}`,
    );
  if (r.broke) console.log(`  the run broke: ${r.broke}`);

  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const targets: string[] = [];
  if (r.rows === TARGET_ROWS) {
    targets.push(
      `to a checked draft < ${TARGET_DRAFT_S} s: ${draftS === undefined ? "not measured" : `${num(draftS, 1)} s ${verdict(draftS < TARGET_DRAFT_S)}`}`,
    );
  }
  const peak = r.hwmBytes ?? all.peakRss;
  if (peak > 0) targets.push(`RSS < ${num(TARGET_RSS_MB)} MB: ${num(peak / MB)} MB ${verdict(peak / MB < TARGET_RSS_MB)}`);
  if (overall.count > 0) {
    const ok = overall.p99 < TARGET_P99_MS && overall.failed === 0;
    targets.push(`health p99 < ${TARGET_P99_MS} ms: ${num(overall.p99)} ms${overall.failed ? `, ${overall.failed} failed` : ""} ${verdict(ok)}`);
  }
  console.log(`  targets (${size} rows, ${r.database}): ${targets.join("; ")}`);
  console.log();
}
