// Deterministic phone cells for normalize-phone-fast.test.ts: the shapes recipient lists hold, spread over every
// calling code and numbering plan, written the ways people type them.
import examples from "libphonenumber-js/mobile/examples";
import metadata from "libphonenumber-js/max/metadata";

/** A small deterministic generator, so every run checks the same cells. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const below = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[below(random, items.length)]!;
const randomDigits = (random: Random, n: number) => Array.from({ length: n }, () => below(random, 10)).join("");

/** Every calling code in the metadata, non-geographic ones (+800, +882…) included. */
export const CALLING_CODES = Object.keys(metadata.country_calling_codes);
export const COUNTRIES = Object.keys(metadata.countries);

const EXAMPLES = new Map<string, string[]>();
for (const [callingCode, countries] of Object.entries(metadata.country_calling_codes)) {
  const found = countries.map((country) => (examples as Record<string, string | undefined>)[country]).filter((e) => e !== undefined);
  EXAMPLES.set(callingCode, found);
}

/** The benchmark's list: +1 206 numbers, every 50th typed with separators, 2 % of each kind of mistake. */
export function benchmarkCells(count: number): string[] {
  const invalid = ["+1206555", "not a number", "+1 911 555 0100", "206-555-0100", "+1 206 555 01234 5"];
  const cells: string[] = [];
  for (let i = 0, k = 0; cells.length < count; i++) {
    if (i % 100 === 37 || i % 100 === 81) {
      cells.push(invalid[i % invalid.length]!);
      continue;
    }
    const e164 = `+1206${200 + Math.floor(k / 10_000)}${String(k % 10_000).padStart(4, "0")}`;
    k += 1;
    cells.push(i % 50 === 7 ? `+1 ${e164.slice(2, 5)}-${e164.slice(5, 8)}-${e164.slice(8)}` : e164);
  }
  return cells;
}

/** A national number under a calling code: half near a real example (so many are valid), half random digits. */
function nationalNumber(random: Random, callingCode: string): string {
  const near = EXAMPLES.get(callingCode) ?? [];
  if (near.length > 0 && random() < 0.5) {
    const example = pick(random, near);
    const kept = example.slice(0, example.length - 1 - below(random, 4));
    const length = example.length + (random() < 0.2 ? below(random, 3) - 1 : 0);
    return (kept + randomDigits(random, 17)).slice(0, Math.max(1, length));
  }
  // Lengths 4–17 for the whole number, calling code included.
  const total = 4 + below(random, 14);
  return randomDigits(random, Math.max(1, total - callingCode.length));
}

/** Digits written as people do: grouped with spaces, hyphens or dots, an area code in brackets, stray spaces. */
export function typed(random: Random, digits: string, plus: boolean): string {
  const style = below(random, 8);
  let body: string;
  if (style <= 1) body = digits;
  else {
    const separator = style === 2 ? " " : style === 3 ? "-" : style === 4 ? "." : style === 5 ? "  " : pick(random, [" ", "-", ".", " - "]);
    const groups: string[] = [];
    for (let at = 0; at < digits.length;) {
      const size = 1 + below(random, 4);
      groups.push(digits.slice(at, at + size));
      at += size;
    }
    if (style === 6 && groups.length > 2) groups[1] = `(${groups[1]})`;
    body = groups.join(separator);
  }
  const lead = plus ? pick(random, ["+", "+", "+", "+ ", "+("]) : "";
  const closed = lead === "+(" ? body.replace(/^(\d+)/, "$1)") : body;
  const pad = random() < 0.05 ? " " : "";
  return `${pad}${lead}${closed}${pad}`;
}

/** Random numbers under every calling code: with "+", without it, national only, after 00, with a 0 or 1 prefix. */
export function randomCells(count: number, seed: number): string[] {
  const random = prng(seed);
  const cells: string[] = [];
  for (let i = 0; i < count; i++) {
    const callingCode = CALLING_CODES[i % CALLING_CODES.length]!;
    const national = nationalNumber(random, callingCode);
    switch (below(random, 6)) {
      case 0:
      case 1:
        cells.push(typed(random, callingCode + national, true));
        break;
      case 2:
        cells.push(typed(random, callingCode + national, false));
        break;
      case 3:
        cells.push(typed(random, national, false));
        break;
      case 4:
        cells.push(typed(random, `00${callingCode}${national}`, false));
        break;
      default:
        cells.push(typed(random, `${pick(random, ["0", "1", "8", "011"])}${national}`, false));
    }
  }
  return cells;
}

/** Every North American area code (all the NANP countries share the 200–999 range), valid and reserved exchanges. */
export function nanpCells(seed: number): string[] {
  const random = prng(seed);
  const cells: string[] = [];
  for (let area = 200; area <= 999; area++) {
    const exchanges = [String(200 + below(random, 800)), String(200 + below(random, 800)), "555", "911", `1${randomDigits(random, 2)}`];
    for (const exchange of exchanges) {
      const digits = `${area}${exchange}${randomDigits(random, 4)}`;
      cells.push(`+1${digits}`, `1${digits}`, digits, `(${area}) ${exchange}-${digits.slice(6)}`, typed(random, `1${digits}`, random() < 0.5));
    }
  }
  return cells;
}

/** National prefixes, toll-free and shared-cost numbers, lengths from 1 to 20 digits, and cells of other shapes. */
export function edgeCells(seed: number): string[] {
  const random = prng(seed);
  const cells = [
    // National (trunk) prefixes and carrier codes.
    "8 800 555 35 35",
    "+7 8 800 555 35 35",
    "88005553535",
    "82004910060",
    "+375 82004910060",
    "8 029 123 45 67",
    "8 (727) 258 4808",
    "07400 123456",
    "+44 07400 123456",
    "0044 7400 123456",
    "020 7946 0958",
    "030 123456",
    "0151 23456789",
    "+49 0151 23456789",
    "01 42 68 53 00",
    "+33 01 42 68 53 00",
    "0 11 15 2345 6789",
    "011 15 2345-6789",
    "+54 9 11 2345 6789",
    "0 21 11 91234 5678",
    "021 11 91234 5678",
    "0 90 21 91234 5678",
    "0 2 9876 5432",
    "061 234 5678",
    "0549 123456",
    "3 12345",
    "+672 3 12345",
    "06 698 12345",
    "+39 06 698 12345",
    "0 9 123 4567",
    "+358 18 12345",
    "1 268 464 1234",
    "268 464 1234",
    "464 1234",
    "1 876 555 0100",
    "876 555 0100",
    "+1 787 555 0100",
    "939 555 0100",
    "011 44 20 7946 0958",
    "011 0 44",
    "00 0 44",
    "000 44",
    "00 44",
    "0",
    "00",
    "000",
    "1",
    "11",
    "111",
    // Toll-free and other non-geographic numbers.
    "+1 800 555 0199",
    "1-800-555-0199",
    "800 555 0199",
    "+1 888 555 0199",
    "+1 877 555 0199",
    "+44 800 123 4567",
    "0800 123 4567",
    "+800 1234 5678",
    "+808 1234 5678",
    "+870 773 111 632",
    "+878 10 123 4567 8",
    "+881 6 1234 5678",
    "+882 34 123 456",
    "+883 510 012 345",
    "+888 123 456 789",
    "+979 1 234 5678",
    "+49 800 1234567",
    "+33 800 12 34 56",
    "+61 1800 123 456",
    "1800 123 456",
    "13 00 12",
    // Short and long.
    "+1",
    "+12",
    "+1 2",
    "+44 1",
    "+44 12",
    "+1 206",
    "+1 206 555",
    "+1 206 555 01",
    "+1206555",
    "+1 206 555 01234",
    "+1 206 555 012345 6789",
    "+49 1234 5678 9012 3456",
    "+49 30 1234 5678 9012 3",
    "1234567890123456789",
    "+123456789012345678",
    "+999 1234567",
    "+0 206 555 0100",
    // Not plain: left to the library, which must still answer as before.
    "",
    "   ",
    "\t+1 206 555 0100",
    "+1\u00a0206\u00a0555\u00a00100",
    "+1 206 555 0100 ext. 12",
    "+1 206 555 0100 x12",
    "+1 (206) 555-0100#",
    "206-555-0100;ext=5",
    "tel:+1-206-555-0100",
    "tel:206-555-0100;phone-context=+1",
    "++1 206 555 0100",
    "+1 206 +555 0100",
    "(+1) 206 555 0100",
    "+١٢٠٦٥٥٥٠١٠٠",
    "＋１ ２０６ ５５５ ０１００",
    "+1 206 555 0100 / 2",
    "+1/206/555/0100",
    "+1 [206] 555 0100",
    "+1 206~555~0100",
    "not a number",
    "n/a",
    "call +1 415 555 2671 after 5",
    "+1 206 55S 0100",
    "+1-206-555-0100,",
    "+",
    "-",
    "()",
    "+-1 206 555 0100",
    `+1 206 555 0100${" ".repeat(70)}1`,
    "9".repeat(300),
  ];
  // Every length from 1 to 20 digits, with and without "+", under a handful of common calling codes.
  for (const callingCode of ["1", "7", "33", "44", "49", "55", "61", "86", "91", "352", "800"]) {
    for (let length = 1; length <= 20; length++) {
      const digits = (callingCode + randomDigits(random, 20)).slice(0, length);
      cells.push(`+${digits}`, digits, `0${digits}`);
    }
  }
  return cells;
}
