import { describe, expect, it } from "vitest";
import { firstUnstorableIndex, isStorableText, lineAt, safeLines, safeText, toStorable, UNSTORABLE_TEXT } from "./safe-text";

describe("safe text", () => {
  it.each([
    ["plain", true],
    ["emoji 😀 and accents é", true],
    ["", true],
    ["nul\u0000here", false],
    ["lone high \uD83D end", false],
    ["lone low \uDE00 start", false],
    ["\uD83D", false],
    ["reversed \uDE00\uD83D", false],
  ])("%j storable: %s", (s, ok) => {
    expect(isStorableText(s)).toBe(ok);
  });

  it("finds the first character that cannot be stored and its line", () => {
    const text = "phone,name\n+1,Ann\n+2,B\u0000b\n";
    const at = firstUnstorableIndex(text);
    expect(text[at]).toBe("\u0000");
    expect(lineAt(text, at)).toBe(3);
  });

  it("refuses with the shared message, and keeps the usual string checks", () => {
    const schema = safeText().trim().min(1, "Enter it").max(5);
    expect(schema.safeParse(" abc ").data).toBe("abc");
    expect(schema.safeParse("a\u0000").error?.issues[0]?.message).toBe(UNSTORABLE_TEXT);
    expect(schema.safeParse("   ").error?.issues[0]?.message).toBe("Enter it");
    expect(safeLines().safeParse("a\nb\n\uD800").error?.issues[0]?.message).toBe(`Line 3 ${UNSTORABLE_TEXT}`);
  });

  it("replaces what cannot be stored for excerpts of refused input", () => {
    expect(toStorable("a\u0000b\uD800c😀")).toBe("a\uFFFDb\uFFFDc😀");
  });
});
