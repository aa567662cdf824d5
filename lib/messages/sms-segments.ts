// How many SMS segments a text costs, and which encoding it needs (3GPP TS 23.038, "GSM 03.38").
// A text that fits the GSM 7-bit default alphabet (plus its extension table) goes as GSM-7; any other character turns
// the whole message into UCS-2. Carriers bill per segment, so the count must match what the SMSC will actually send:
// a multipart message loses room to the concatenation header (160 → 153 septets, 70 → 67 UTF-16 units), an escape
// sequence (ESC + character) is never cut between two segments, and neither is a UTF-16 surrogate pair.
//
// SmsSegmentTally runs once per recipient over up to a million rendered messages, so the hot path scans char codes
// against a lookup table, keeps its state in numbers, and allocates nothing for a GSM-only message.

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** User-perceived characters (code points). */
  characters: number;
  /** Septets for GSM-7 (extension-table characters count 2), UTF-16 code units for UCS-2. */
  units: number;
  /** 0 for empty text. */
  segments: number;
  /** 160 or 153 for GSM-7, 70 or 67 for UCS-2. */
  perSegment: number;
  /** Distinct characters that force UCS-2, in order of first appearance, at most 20. */
  ucs2Characters: string[];
}

export interface SmsSegmentTallyResult {
  messages: number;
  minSegments: number;
  maxSegments: number;
  totalSegments: number;
  ucs2Messages: number;
  /** Distinct characters that forced UCS-2 in any message, in order of first appearance, at most 20. */
  ucs2Characters: string[];
}

const GSM_SINGLE = 160;
const GSM_MULTI = 153;
const UCS2_SINGLE = 70;
const UCS2_MULTI = 67;
const MAX_LISTED = 20;

// The default alphabet, in code order 0x00–0x7F. 0x1B is the escape to the extension table, not a character.
const GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
// The extension table's characters, each sent as ESC + one septet.
const GSM_EXTENSION = "\f^{}\\[~]|€";
const EURO = 0x20ac;

// Septets per UTF-16 code unit below TABLE_SIZE: 1 basic, 2 extension, 0 not in GSM-7. Ω (U+03A9) is the highest
// code point of either table apart from €, which is checked on its own to keep the table small.
const TABLE_SIZE = 0x3aa;
const SEPTETS = new Uint8Array(TABLE_SIZE);
for (const c of GSM_BASIC) if (c !== "\u001b") SEPTETS[c.charCodeAt(0)] = 1;
for (const c of GSM_EXTENSION) if (c.charCodeAt(0) < TABLE_SIZE) SEPTETS[c.charCodeAt(0)] = 2;

function septets(code: number): number {
  return code < TABLE_SIZE ? SEPTETS[code]! : code === EURO ? 2 : 0;
}

/** What one text measures; reused by the tally so counting a message allocates no object. */
interface Measure {
  ucs2: boolean;
  characters: number;
  units: number;
  segments: number;
}

/**
 * Measures `text` into `out`. Code points that force UCS-2 are added to `forcing` while it holds fewer than
 * MAX_LISTED; pass null when they are not wanted.
 */
function measure(text: string, out: Measure, forcing: Set<number> | null): void {
  const length = text.length;
  // GSM-7: total septets, and the segments a multipart message would need when escapes must not straddle a boundary.
  let units = 0;
  let multipart = 1;
  let fill = 0;
  let i = 0;
  for (; i < length; i++) {
    const width = septets(text.charCodeAt(i));
    if (width === 0) break;
    units += width;
    fill += width;
    if (fill > GSM_MULTI) {
      multipart++;
      fill = width;
    }
  }
  if (i === length) {
    out.ucs2 = false;
    out.characters = length;
    out.units = units;
    out.segments = length === 0 ? 0 : units <= GSM_SINGLE ? 1 : multipart;
    return;
  }

  // UCS-2: one more pass, now over code points, since the fill must not split a surrogate pair.
  let characters = 0;
  multipart = 1;
  fill = 0;
  for (let j = 0; j < length; j++) {
    const code = text.charCodeAt(j);
    let width = 1;
    let point = code;
    if (code >= 0xd800 && code <= 0xdbff && j + 1 < length) {
      const low = text.charCodeAt(j + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        width = 2;
        point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      }
    }
    characters++;
    fill += width;
    if (fill > UCS2_MULTI) {
      multipart++;
      fill = width;
    }
    if (forcing !== null && forcing.size < MAX_LISTED && septets(point) === 0) forcing.add(point);
    j += width - 1;
  }
  out.ucs2 = true;
  out.characters = characters;
  out.units = length;
  out.segments = length <= UCS2_SINGLE ? 1 : multipart;
}

function perSegment(ucs2: boolean, segments: number): number {
  if (ucs2) return segments > 1 ? UCS2_MULTI : UCS2_SINGLE;
  return segments > 1 ? GSM_MULTI : GSM_SINGLE;
}

function listed(points: Set<number>): string[] {
  return Array.from(points, (point) => String.fromCodePoint(point));
}

export function countSmsSegments(text: string): SmsSegmentCount {
  const out: Measure = { ucs2: false, characters: 0, units: 0, segments: 0 };
  const forcing = new Set<number>();
  measure(text, out, forcing);
  return {
    encoding: out.ucs2 ? "UCS-2" : "GSM-7",
    characters: out.characters,
    units: out.units,
    segments: out.segments,
    perSegment: perSegment(out.ucs2, out.segments),
    ucs2Characters: listed(forcing),
  };
}

/** Segment counts over many rendered messages, e.g. one per recipient of a campaign. */
export class SmsSegmentTally {
  private readonly scratch: Measure = { ucs2: false, characters: 0, units: 0, segments: 0 };
  private readonly forcing = new Set<number>();
  private messages = 0;
  private minSegments = Number.POSITIVE_INFINITY;
  private maxSegments = 0;
  private totalSegments = 0;
  private ucs2Messages = 0;

  add(text: string): void {
    const m = this.scratch;
    measure(text, m, this.forcing.size < MAX_LISTED ? this.forcing : null);
    this.messages++;
    this.totalSegments += m.segments;
    if (m.segments < this.minSegments) this.minSegments = m.segments;
    if (m.segments > this.maxSegments) this.maxSegments = m.segments;
    if (m.ucs2) this.ucs2Messages++;
  }

  result(): SmsSegmentTallyResult {
    return {
      messages: this.messages,
      minSegments: this.messages === 0 ? 0 : this.minSegments,
      maxSegments: this.maxSegments,
      totalSegments: this.totalSegments,
      ucs2Messages: this.ucs2Messages,
      ucs2Characters: listed(this.forcing),
    };
  }
}
