// What the recipients benchmark watches while a stage runs: /api/health asked every 100 ms (a request goes out on
// every tick whether or not the previous one has answered, so a blocked event loop shows as the latency of every
// request that waited for it) and the console's resident memory from /proc/<pid>/status. Each sample belongs to the
// stage that was running when it was taken.
import { readdirSync, readFileSync } from "node:fs";

const HEALTH_EVERY_MS = 100;
const HEALTH_TIMEOUT_MS = 30_000;
const RSS_EVERY_MS = 100;

export interface HealthStats {
  count: number;
  failed: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export interface HealthSample {
  ms: number;
  ok: boolean;
  /** The HTTP status, or 0 when no answer came. */
  status: number;
}

export function healthStats(latencies: HealthSample[]): HealthStats {
  const sorted = latencies.map((s) => s.ms).sort((a, b) => a - b);
  return {
    count: sorted.length,
    failed: latencies.filter((s) => !s.ok).length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

/** Reads one field (in kB) of /proc/<pid>/status, in bytes; undefined once the process is gone. */
export function procStatusBytes(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

// /proc reports CPU time in clock ticks of USER_HZ, which Linux fixes at 100 a second for user space.
const TICKS_PER_SECOND = 100;

/** User and system CPU seconds a process has used, from /proc/<pid>/stat; undefined once it is gone. */
export function procCpuSeconds(pid: number | string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in brackets may hold spaces; the fields after it are fixed: utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by every live process with this command name (a local PostgreSQL server's processes). */
export function commandCpuSeconds(command: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== command) continue;
    } catch {
      continue;
    }
    total += procCpuSeconds(entry) ?? 0;
  }
  return total;
}

export interface StageSamples {
  health: HealthSample[];
  peakRss: number;
  /** CPU seconds the console process used during the stage. */
  consoleCpu: number;
  /** CPU seconds the machine's PostgreSQL processes used during the stage (0 when the database is embedded). */
  postgresCpu: number;
}

export class ConsoleWatcher {
  private stage = "";
  private readonly byStage = new Map<string, StageSamples>();
  private readonly inFlight = new Set<Promise<void>>();
  private healthTimer: NodeJS.Timeout | undefined;
  private rssTimer: NodeJS.Timeout | undefined;
  private cpuMark: { console: number; postgres: number } | undefined;

  constructor(
    private readonly healthUrl: string,
    private readonly pid: number,
  ) {}

  /** Starts sampling; samples from now on count towards `stage`. */
  start(stage: string): void {
    this.enter(stage);
    this.healthTimer = setInterval(() => this.askHealth(), HEALTH_EVERY_MS);
    this.rssTimer = setInterval(() => this.readRss(), RSS_EVERY_MS);
    this.askHealth();
    this.readRss();
  }

  enter(stage: string): void {
    this.chargeCpu();
    this.stage = stage;
    if (!this.byStage.has(stage)) this.byStage.set(stage, { health: [], peakRss: 0, consoleCpu: 0, postgresCpu: 0 });
    this.readRss();
  }

  /** Charges the CPU used since the last mark to the stage that was running. */
  private chargeCpu(): void {
    const now = { console: procCpuSeconds(this.pid) ?? this.cpuMark?.console ?? 0, postgres: commandCpuSeconds("postgres") };
    const into = this.byStage.get(this.stage);
    if (into && this.cpuMark) {
      into.consoleCpu += now.console - this.cpuMark.console;
      into.postgresCpu += Math.max(0, now.postgres - this.cpuMark.postgres);
    }
    this.cpuMark = now;
  }

  /** Stops sampling and waits for the health requests still out (they count towards the stage that sent them). */
  async stop(): Promise<void> {
    clearInterval(this.healthTimer);
    clearInterval(this.rssTimer);
    this.chargeCpu();
    this.readRss();
    await Promise.all([...this.inFlight]);
  }

  samples(stage: string): StageSamples {
    return this.byStage.get(stage) ?? { health: [], peakRss: 0, consoleCpu: 0, postgresCpu: 0 };
  }

  /** Every stage's samples together, except those named in `except` (such as the idle baseline). */
  overall(except: string[] = []): StageSamples {
    const all: StageSamples = { health: [], peakRss: 0, consoleCpu: 0, postgresCpu: 0 };
    for (const [stage, s] of this.byStage) {
      if (except.includes(stage)) continue;
      all.health.push(...s.health);
      all.peakRss = Math.max(all.peakRss, s.peakRss);
      all.consoleCpu += s.consoleCpu;
      all.postgresCpu += s.postgresCpu;
    }
    return all;
  }

  private askHealth(): void {
    const into = this.byStage.get(this.stage)!;
    const t0 = performance.now();
    const request = fetch(this.healthUrl, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) })
      .then(async (res) => {
        await res.arrayBuffer();
        into.health.push({ ms: performance.now() - t0, ok: res.ok, status: res.status });
      })
      .catch(() => {
        into.health.push({ ms: performance.now() - t0, ok: false, status: 0 });
      })
      .finally(() => this.inFlight.delete(request));
    this.inFlight.add(request);
  }

  private readRss(): void {
    const rss = procStatusBytes(this.pid, "VmRSS");
    const into = this.byStage.get(this.stage);
    if (rss !== undefined && into) into.peakRss = Math.max(into.peakRss, rss);
  }
}
