import { describe, expect, it } from "vitest";
import { countSmsSegments, SmsSegmentTally } from "./sms-segments";

const EMOJI = "\u{1F600}"; // 😀, a surrogate pair in UTF-16
const E_CIRCUMFLEX_TILDE = "\u1EC5"; // ễ, precomposed

describe("countSmsSegments", () => {
  it("counts nothing for empty text", () => {
    expect(countSmsSegments("")).toEqual({ encoding: "GSM-7", characters: 0, units: 0, segments: 0, perSegment: 160, ucs2Characters: [] });
  });

  it("fits 160 GSM-7 characters in one segment and splits longer text into 153-septet parts", () => {
    expect(countSmsSegments("a".repeat(160))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1, perSegment: 160 });
    expect(countSmsSegments("a".repeat(161))).toMatchObject({ segments: 2, perSegment: 153 });
    expect(countSmsSegments("a".repeat(306)).segments).toBe(2);
    expect(countSmsSegments("a".repeat(307)).segments).toBe(3);
  });

  it("keeps the accented and Greek letters of the GSM alphabet in GSM-7", () => {
    const text = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà";
    expect(countSmsSegments(text)).toMatchObject({ encoding: "GSM-7", characters: text.length, units: text.length, ucs2Characters: [] });
  });

  it("counts extension-table characters as two septets", () => {
    const extension = "\f^{}\\[~]|€";
    expect(countSmsSegments(extension)).toMatchObject({ encoding: "GSM-7", characters: 10, units: 20, segments: 1 });
    expect(countSmsSegments("€".repeat(80))).toMatchObject({ characters: 80, units: 160, segments: 1, perSegment: 160 });
    expect(countSmsSegments("€".repeat(81))).toMatchObject({ characters: 81, units: 162, segments: 2, perSegment: 153 });
  });

  it("moves an escape sequence that would straddle a boundary into the next segment", () => {
    // 306 septets would be two full parts, but "€" cannot start at septet 153: the first part holds 152.
    const straddling = "a".repeat(152) + "€" + "a".repeat(152);
    expect(countSmsSegments(straddling)).toMatchObject({ units: 306, segments: 3 });
    const fitting = "a".repeat(151) + "€" + "a".repeat(153);
    expect(countSmsSegments(fitting)).toMatchObject({ units: 306, segments: 2 });
  });

  it("switches to UCS-2 for any character outside the GSM alphabet and names it", () => {
    expect(countSmsSegments(`Hi Nguy${E_CIRCUMFLEX_TILDE}n`)).toEqual({
      encoding: "UCS-2",
      characters: 9,
      units: 9,
      segments: 1,
      perSegment: 70,
      ucs2Characters: [E_CIRCUMFLEX_TILDE],
    });
    expect(countSmsSegments("Use `code`\tnow").ucs2Characters).toEqual(["`", "\t"]);
    expect(countSmsSegments("\u201CHi\u201D — bye").ucs2Characters).toEqual(["\u201C", "\u201D", "—"]);
    // Decomposed letters are sent as their combining marks, which GSM-7 lacks.
    expect(countSmsSegments("Nguye\u0302\u0303n").ucs2Characters).toEqual(["\u0302", "\u0303"]);
  });

  it("lists at most 20 distinct UCS-2 characters, in order of first appearance, and not GSM ones", () => {
    const cjk = Array.from({ length: 30 }, (_, i) => String.fromCharCode(0x4e00 + i));
    const result = countSmsSegments(`€é ${cjk.join("")}${cjk.join("")}`);
    expect(result.ucs2Characters).toEqual(cjk.slice(0, 20));
  });

  it("fits 70 UCS-2 units in one segment and splits longer text into 67-unit parts", () => {
    const u = E_CIRCUMFLEX_TILDE;
    expect(countSmsSegments(u.repeat(70))).toMatchObject({ encoding: "UCS-2", units: 70, segments: 1, perSegment: 70 });
    expect(countSmsSegments(u.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countSmsSegments(u.repeat(134)).segments).toBe(2);
    expect(countSmsSegments(u.repeat(135)).segments).toBe(3);
  });

  it("counts an emoji as one character, two units, and never splits it across segments", () => {
    expect(countSmsSegments(`Hi ${EMOJI}`)).toMatchObject({ encoding: "UCS-2", characters: 4, units: 5, ucs2Characters: [EMOJI] });
    // 134 units would be two full parts, but the pair cannot start at unit 67: the first part holds 66.
    const straddling = "a".repeat(66) + EMOJI + "a".repeat(66);
    expect(countSmsSegments(straddling)).toMatchObject({ characters: 133, units: 134, segments: 3 });
    const fitting = "a".repeat(65) + EMOJI + "a".repeat(67);
    expect(countSmsSegments(fitting)).toMatchObject({ characters: 133, units: 134, segments: 2 });
    expect(countSmsSegments(EMOJI.repeat(35))).toMatchObject({ characters: 35, units: 70, segments: 1 });
  });

  it("agrees with cutting the message into actual parts", () => {
    const alphabet = ["a", "Z", " ", "é", "Δ", "€", "^", "\n", E_CIRCUMFLEX_TILDE, EMOJI, "\u201C"];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const pool = alphabet.slice(0, 3 + random(alphabet.length - 2));
      const chars = Array.from({ length: random(400) }, () => pool[random(pool.length)]!);
      const result = countSmsSegments(chars.join(""));
      expect(result.segments, chars.join("")).toBe(cutIntoParts(chars, result.encoding).length);
    }
  });
});

describe("SmsSegmentTally", () => {
  it("reports zeros before any message", () => {
    expect(new SmsSegmentTally().result()).toEqual({ messages: 0, minSegments: 0, maxSegments: 0, totalSegments: 0, ucs2Messages: 0, ucs2Characters: [] });
  });

  it("gives the fewest, most and total segments over mixed messages", () => {
    const tally = new SmsSegmentTally();
    tally.add("Hello Ana");
    tally.add("a".repeat(161));
    tally.add(`Hi Nguy${E_CIRCUMFLEX_TILDE}n`);
    tally.add(`${"b".repeat(130)} ${EMOJI} \u201Cok\u201D ${E_CIRCUMFLEX_TILDE}`);
    expect(tally.result()).toEqual({
      messages: 4,
      minSegments: 1,
      maxSegments: 3,
      totalSegments: 1 + 2 + 1 + 3,
      ucs2Messages: 2,
      ucs2Characters: [E_CIRCUMFLEX_TILDE, EMOJI, "\u201C", "\u201D"],
    });
  });

  it("lists at most 20 distinct UCS-2 characters across all messages", () => {
    const tally = new SmsSegmentTally();
    for (let i = 0; i < 30; i++) tally.add(`Hi ${String.fromCharCode(0x4e00 + i)}`);
    const { ucs2Characters, ucs2Messages } = tally.result();
    expect(ucs2Messages).toBe(30);
    expect(ucs2Characters).toEqual(Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x4e00 + i)));
  });

  it("takes 100,000 messages", () => {
    const tally = new SmsSegmentTally();
    const message = "Hi Ana, your order 48213 ships today. Track it at example.com/t/48213 or reply STOP to opt out.";
    for (let i = 0; i < 100_000; i++) tally.add(message);
    expect(tally.result()).toMatchObject({ messages: 100_000, minSegments: 1, maxSegments: 1, totalSegments: 100_000, ucs2Messages: 0 });
  });
});

/** The parts an SMSC would send, built one character at a time: slow, but plainly right. */
function cutIntoParts(chars: string[], encoding: "GSM-7" | "UCS-2"): string[][] {
  const extension = new Set(["\f", "^", "{", "}", "\\", "[", "~", "]", "|", "€"]);
  const size = (c: string) => (encoding === "UCS-2" ? c.length : extension.has(c) ? 2 : 1);
  const total = chars.reduce((sum, c) => sum + size(c), 0);
  if (total === 0) return [];
  if (total <= (encoding === "UCS-2" ? 70 : 160)) return [chars];
  const limit = encoding === "UCS-2" ? 67 : 153;
  let part: string[] = [];
  const parts = [part];
  let used = 0;
  for (const c of chars) {
    if (used + size(c) > limit) {
      part = [];
      parts.push(part);
      used = 0;
    }
    part.push(c);
    used += size(c);
  }
  return parts;
}
