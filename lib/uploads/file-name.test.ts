import { describe, expect, it } from "vitest";
import { MAX_FILE_NAME_LENGTH, sanitizeFileName } from "./file-name";
import { fileTooLarge, formatBytes } from "./too-large";

describe("sanitizeFileName", () => {
  it("keeps the name without its folders, control characters or characters the database refuses", () => {
    expect(sanitizeFileName("C:\\fakepath\\Spring list.csv")).toBe("Spring list.csv");
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("a\u0000b\u202Ecsv.exe\tx\n.csv")).toBe("a\uFFFDbcsv.exe x .csv");
    expect(sanitizeFileName("  \u0007 ")).toBeNull();
    expect(sanitizeFileName("folder/")).toBeNull();
    expect(sanitizeFileName(undefined)).toBeNull();
  });

  it("cuts a long name to 255 UTF-16 units without splitting a character", () => {
    expect(sanitizeFileName(`${"a".repeat(300)}.csv`)).toBe("a".repeat(MAX_FILE_NAME_LENGTH));
    const cut = sanitizeFileName(`${"a".repeat(254)}😀.csv`)!;
    expect(cut).toBe("a".repeat(254));
    expect(sanitizeFileName(`${"a".repeat(253)}😀.csv`)).toBe(`${"a".repeat(253)}😀`);
  });
});

describe("size messages", () => {
  it("round the file up and the limit down so the two never read the same", () => {
    expect(formatBytes(50 * 1024 * 1024 + 1, "up")).toBe("50.1 MB");
    expect(formatBytes(50 * 1024 * 1024, "down")).toBe("50 MB");
    expect(formatBytes(1536, "up")).toBe("1.5 KB");
    expect(formatBytes(900, "up")).toBe("900 bytes");
    expect(fileTooLarge("more", 1024 * 1024)).toMatchObject({
      status: 413,
      message: "The file is more than 1 MB; the limit is 1 MB. Split the list into smaller files.",
    });
  });
});
