import { describe, expect, it } from "vitest";
import { copyField, copyLine } from "./bulk-write";

describe("COPY text encoding", () => {
  it("escapes what COPY reads as structure and writes null as \\N", () => {
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyField('"quoted", café 👋')).toBe('"quoted", café 👋');
    expect(copyField("")).toBe("");
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField("\\N")).toBe("\\\\N");
    expect(copyField(42)).toBe("42");
  });

  it("writes one line per row with every column, jsonb as escaped JSON text", () => {
    const line = copyLine("c1", {
      line: 7,
      phoneRaw: "+1\t206",
      phone: null,
      name: "A\\B",
      attributes: { note: "x\ny" },
      variables: null,
      preflightStatus: "invalid",
      reason: "too short",
      duplicateOfLine: null,
      sendStatus: null,
    });
    expect(line).toBe('c1\t7\t+1\\t206\t\\N\tA\\\\B\t{"note":"x\\\\ny"}\t\\N\tinvalid\ttoo short\t\\N\t\\N\t\\N\n');
    const zoned = copyLine("c1", { line: 8, phoneRaw: "1", phone: "+1", preflightStatus: "valid", sendStatus: "pending", timeZone: "Asia/Tokyo" });
    expect(zoned.endsWith("\tpending\tAsia/Tokyo\n")).toBe(true);
  });
});
