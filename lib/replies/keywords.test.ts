import { describe, expect, it } from "vitest";
import { DEFAULT_OPT_KEYWORDS, keywordAction, optKeywordsSchema } from "./keywords";

describe("opt-out keywords", () => {
  it("takes a message that is exactly a keyword, whatever its case, spacing or final punctuation", () => {
    expect(keywordAction("  stop! ", DEFAULT_OPT_KEYWORDS)).toBe("stop");
    expect(keywordAction("Unsubscribe.", DEFAULT_OPT_KEYWORDS)).toBe("stop");
    expect(keywordAction("start", DEFAULT_OPT_KEYWORDS)).toBe("start");
  });

  it("leaves ordinary replies alone, even when they contain a keyword", () => {
    expect(keywordAction("please stop sending these", DEFAULT_OPT_KEYWORDS)).toBeNull();
    expect(keywordAction("", DEFAULT_OPT_KEYWORDS)).toBeNull();
    expect(keywordAction(null, DEFAULT_OPT_KEYWORDS)).toBeNull();
  });

  it("refuses a word that would both opt out and opt in, and empty opt-out lists", () => {
    const both = optKeywordsSchema.safeParse({ optOut: ["STOP"], optIn: ["stop"] });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.message).toBe("STOP cannot both opt out and opt in");
    expect(optKeywordsSchema.safeParse({ optOut: [], optIn: [] }).success).toBe(false);
    expect(optKeywordsSchema.safeParse({ optOut: ["opt out"], optIn: [] }).success).toBe(false);
  });
});
