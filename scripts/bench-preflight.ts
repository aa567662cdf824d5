// Preflight benchmark: a 100,000-row, ~5 MB recipients CSV through decode, parse and preflight, timed per stage.
// Prints figures against the targets (under 5 s, under 300 MB RSS) and always exits 0: timings vary with the machine,
// so they are reported here and never asserted in tests.
import { decodeRecipientsFile } from "@/lib/recipients/decode";
import { parseCsv } from "@/lib/recipients/csv-parse";
import { preflightRecipients } from "@/lib/recipients/preflight";

const ROWS = 100_000;
const TARGET_MS = 5_000;
const TARGET_RSS_MB = 300;
const MB = 1024 * 1024;

// A fixed seed, so every run measures the same file.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(20_240_601);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const digits = (count: number) => Array.from({ length: count }, () => Math.floor(rand() * 10)).join("");

const US_AREAS = ["201", "212", "213", "305", "312", "404", "415", "503", "512", "617", "646", "702", "713", "718", "305", "919"];
const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Emma", "Farah", "George", "Hiro", "Isla", "Jamal", "Kofi", "Léa", "Mateo", "Nora", "Olu", "Priya"];
const LAST = ["Smith", "García", "Nguyen", "O'Brien", "Müller", "Okafor", "Rossi", "Kowalski", "Tanaka", "Brown"];
const CITIES = ["Austin", "Boston", "Chicago", "Denver", "Leeds", "London", "Manchester", "Miami", "Portland", "Seattle"];
const QUOTED_CITIES = ['"Washington, D.C."', '"Cardiff, Wales"', '"Portland, OR"', '"The ""Big"" Apple"'];
const INVALID = ["12345", "not given", "+1 555 0100", "", "+44 20 7946", "0000000000000000", "+999 1234567"];

function usNumber(): [string, string] {
  const [area, exchange, line] = [pick(US_AREAS), `${2 + Math.floor(rand() * 8)}${digits(2)}`, digits(4)];
  const written = pick([
    `+1 ${area} ${exchange} ${line}`,
    `(${area}) ${exchange}-${line}`,
    `${area}.${exchange}.${line}`,
    `+1${area}${exchange}${line}`,
    `1-${area}-${exchange}-${line}`,
  ]);
  return [written, `+1${area}${exchange}${line}`];
}

function gbNumber(): [string, string] {
  // 074–079 without 076, which is mostly pagers and not a valid mobile range.
  const rest = `${pick([4, 5, 7, 8, 9])}${digits(2)} ${digits(6)}`;
  const written = pick([`+44 7${rest}`, `+447${rest.replace(" ", "")}`, `+44 (0)7${rest}`]);
  return [written, `+447${rest.replace(" ", "")}`];
}

function generateCsv(): { text: string; suppressed: Set<string> } {
  const lines = ["phone,name,city,order_id"];
  const written: string[] = [];
  const e164s: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const r = rand();
    let phone: string;
    if (r < 0.02) phone = pick(INVALID);
    else if (r < 0.03 && written.length > 0) phone = written[Math.floor(rand() * written.length)]!;
    else {
      const [raw, e164] = rand() < 0.7 ? usNumber() : gbNumber();
      phone = raw;
      written.push(raw);
      e164s.push(e164);
    }
    const name = rand() < 0.05 ? `"${pick(LAST)}, ${pick(FIRST)}"` : `${pick(FIRST)} ${pick(LAST)}`;
    const city = rand() < 0.05 ? pick(QUOTED_CITIES) : pick(CITIES);
    lines.push(`${phone},${name},${city},ORD-${String(i).padStart(7, "0")}-${digits(4)}`);
  }
  const suppressed = new Set<string>();
  while (suppressed.size < 1_000) suppressed.add(e164s[Math.floor(rand() * e164s.length)]!);
  return { text: `${lines.join("\r\n")}\r\n`, suppressed };
}

const rssSamples: number[] = [];
const sample = () => {
  const { rss, heapUsed } = process.memoryUsage();
  rssSamples.push(rss);
  return { rss, heapUsed };
};

const baseline = sample();
const { text, suppressed } = generateCsv();
const bytes = new TextEncoder().encode(text);
const afterGenerate = sample();

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const decoded = decodeRecipientsFile(bytes);
const t1 = performance.now();
const afterDecode = sample();
const table = parseCsv(decoded);
const t2 = performance.now();
const afterParse = sample();
const report = preflightRecipients(
  table,
  { phoneColumn: "phone", nameColumn: "name", attributeColumns: { order_id: "orderId" }, variableColumns: { city: "city" } },
  {
    defaultCountry: "US",
    messageTemplate: "Hi {{name}}, your order is ready for pickup in {{city}}. Reply STOP to opt out.",
    isSuppressed: (e164) => suppressed.has(e164),
  },
);
const t3 = performance.now();
const afterPreflight = sample();

const totalMs = t3 - t0;
// CPU time next to wall time shows how much of the run was spent waiting for a shared CPU.
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
// The OS-tracked peak covers the synchronous stages, which a timer could not sample while they run.
const peakRssMb = Math.max(process.resourceUsage().maxRSS * 1024, ...rssSamples) / MB;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

console.log(`rows            ${table.rows.length.toLocaleString("en-US")} (report total ${report.total.toLocaleString("en-US")})`);
console.log(`bytes           ${bytes.byteLength.toLocaleString("en-US")} (${mb(bytes.byteLength)})`);
console.log(
  `statuses        ${Object.entries(report.counts)
    .map(([status, count]) => `${status} ${count}`)
    .join(", ")}`,
);
console.log(
  `invalid reasons ${Object.entries(report.invalidByProblem)
    .map(([problem, count]) => `${problem} ${count}`)
    .join(", ")}`,
);
console.log(`decode          ${(t1 - t0).toFixed(0)} ms`);
console.log(`parse           ${(t2 - t1).toFixed(0)} ms`);
console.log(`preflight       ${(t3 - t2).toFixed(0)} ms`);
console.log(`total           ${totalMs.toFixed(0)} ms`);
console.log(`cpu             ${cpuMs.toFixed(0)} ms (user + system, this process)`);
console.log(`rows/s          ${Math.round(table.rows.length / (totalMs / 1000)).toLocaleString("en-US")}`);
console.log(
  `rss             baseline ${mb(baseline.rss)}, generated ${mb(afterGenerate.rss)}, decoded ${mb(afterDecode.rss)}, parsed ${mb(afterParse.rss)}, preflight ${mb(afterPreflight.rss)}`,
);
console.log(
  `heapUsed        baseline ${mb(baseline.heapUsed)}, generated ${mb(afterGenerate.heapUsed)}, decoded ${mb(afterDecode.heapUsed)}, parsed ${mb(afterParse.heapUsed)}, preflight ${mb(afterPreflight.heapUsed)}`,
);
console.log(`peak rss        ${peakRssMb.toFixed(1)} MB (includes generating the file)`);
console.log(`time            ${totalMs < TARGET_MS ? "PASS" : "FAIL"} (${totalMs.toFixed(0)} ms, target under ${TARGET_MS} ms)`);
console.log(`memory          ${peakRssMb < TARGET_RSS_MB ? "PASS" : "FAIL"} (${peakRssMb.toFixed(1)} MB, target under ${TARGET_RSS_MB} MB)`);
