// The recipient lists the recipients benchmark uploads: phone,name,plan,region, with 2 % invalid numbers and 1 %
// repeats of an earlier valid number spread evenly through the file, so the expected preflight counts are known
// exactly. Every number is checked with the preflight's own normaliser while the file is written, so "valid" here
// means valid to the console (US numbers, the country of the simulator's +1 206 source number).
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { normalizePhone } from "@/lib/recipients/normalize-phone";

export interface BenchCsv {
  file: string;
  rows: number;
  bytes: number;
  expected: { valid: number; invalid: number; duplicate: number };
}

const FIRST_NAMES = ["Alex", "Sam", "Robin", "Kim", "Jordan", "Taylor", "Casey", "Morgan", "Jamie", "Riley", "Avery", "Quinn"];
const PLANS = ["basic", "plus", "pro"];
const REGIONS = ["north", "south", "east", "west"];
// One of each kind of mistake people make in a phone column; each is checked to be refused below.
const INVALID = ["+1206555", "not a number", "+1 911 555 0100", "206-555-0100", "+1 206 555 01234 5"];
/** Of every 100 rows, these positions are invalid and this one repeats an earlier valid number: 2 % and 1 %. */
const INVALID_AT = new Set([37, 81]);
const DUPLICATE_AT = 58;
const LINES_PER_WRITE = 5_000;

/** A small deterministic generator, so two runs upload the same file. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

for (const text of INVALID) {
  if (normalizePhone(text).ok) throw new Error(`the benchmark's invalid example ${text} is accepted by the preflight`);
}

/** Candidate numbers +1 206 NXX XXXX in order, skipping any the preflight would refuse. */
function* validNumbers(): Generator<string> {
  for (let k = 0; k < 8_000_000; k++) {
    const e164 = `+1206${200 + Math.floor(k / 10_000)}${String(k % 10_000).padStart(4, "0")}`;
    const phone = normalizePhone(e164);
    if (phone.ok && phone.country === "US") yield e164;
  }
  throw new Error("ran out of +1 206 numbers");
}

/** How a number is written: mostly E.164, every 50th the way people type it (the preflight gives the same E.164). */
const written = (e164: string, i: number) => (i % 50 === 7 ? `+1 ${e164.slice(2, 5)}-${e164.slice(5, 8)}-${e164.slice(8)}` : e164);

export async function writeBenchCsv(file: string, rows: number): Promise<BenchCsv> {
  const out = createWriteStream(file);
  const numbers = validNumbers();
  const random = prng(rows);
  const sent: string[] = [];
  const expected = { valid: 0, invalid: 0, duplicate: 0 };
  let bytes = 0;
  let batch: string[] = ["phone,name,plan,region"];
  const flush = async () => {
    const chunk = `${batch.join("\n")}\n`;
    batch = [];
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  };
  for (let i = 0; i < rows; i++) {
    const slot = i % 100;
    let phone: string;
    if (INVALID_AT.has(slot)) {
      phone = INVALID[expected.invalid % INVALID.length]!;
      expected.invalid += 1;
    } else if (slot === DUPLICATE_AT && sent.length > 0) {
      phone = written(sent[Math.floor(random() * sent.length)]!, i + 1);
      expected.duplicate += 1;
    } else {
      const e164 = numbers.next().value as string;
      sent.push(e164);
      phone = written(e164, i);
      expected.valid += 1;
    }
    // No value holds a comma or a quote, so none needs quoting.
    batch.push(`${phone},${FIRST_NAMES[i % FIRST_NAMES.length]},${PLANS[i % PLANS.length]},${REGIONS[(i >> 2) % REGIONS.length]}`);
    if (batch.length >= LINES_PER_WRITE) await flush();
  }
  if (batch.length > 0) await flush();
  out.end();
  await once(out, "finish");
  return { file, rows, bytes, expected };
}
