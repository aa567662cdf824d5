// Timing and printing shared by the History benchmark's sections: the median of a few runs after one warm-up, and
// one line per measurement against the per-page target.

export const TARGET_MS = 200;
export const RUNS = 7;

/** The median of RUNS timed calls, after one untimed call that warms caches and plans. */
export async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const line = (label: string, ms: number) => console.log(`  ${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms  ${ms < TARGET_MS ? "PASS" : "FAIL"}`);

export const heading = (title: string) => console.log(`  ── ${title}`);

/** Reads a CSV stream to its end and prints its rows (header excluded), size and rows per second. */
export async function csvThroughput(label: string, stream: ReadableStream<Uint8Array>): Promise<void> {
  const t = performance.now();
  let bytes = 0;
  let rows = -1;
  const reader = stream.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    rows += 1;
  }
  const ms = performance.now() - t;
  console.log(
    `  ${label}: ${rows.toLocaleString("en-US")} rows, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${(ms / 1000).toFixed(2)} s = ${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} rows/s`,
  );
}
