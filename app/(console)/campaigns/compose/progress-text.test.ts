import { describe, expect, it } from "vitest";
import { elapsedText, formatBytes, percentDone, rowsText, totalFor, uploadSummary, uploadText } from "./progress-text";

describe("progress text", () => {
  it("gives whole percents, clamped, and none without a total", () => {
    expect(percentDone(1, 3)).toBe(33);
    expect(percentDone(999_999, 1_000_000)).toBe(99);
    expect(percentDone(1_000_000, 1_000_000)).toBe(100);
    expect(percentDone(12, 10)).toBe(100);
    expect(percentDone(5, null)).toBeNull();
    expect(percentDone(0, 0)).toBeNull();
  });

  it("counts rows with or without a total", () => {
    expect(rowsText(120_000, 1_000_000)).toBe("120,000 of 1,000,000 rows");
    expect(rowsText(4_500, null)).toBe("4,500 rows");
    expect(rowsText(1, null)).toBe("1 row");
    expect(rowsText(0, 1)).toBe("0 of 1 row");
  });

  it("prefers the server's total and falls back to the upload's row count", () => {
    expect(totalFor({ total: 900 }, 1000)).toBe(900);
    expect(totalFor({ total: null }, 1000)).toBe(1000);
    expect(totalFor({ total: null }, 0)).toBeNull();
    expect(totalFor({ total: null }, undefined)).toBeNull();
  });

  it("says how long the work has run", () => {
    expect(elapsedText(1_000, 1_999)).toBe("0 s elapsed");
    expect(elapsedText(0, 75_400)).toBe("1 min 15 s elapsed");
    expect(elapsedText(5_000, 1_000)).toBe("0 s elapsed");
  });

  it("shows bytes sent of the file's size", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(820_400)).toBe("820 KB");
    expect(formatBytes(15_234_567)).toBe("15.2 MB");
    expect(uploadText(1_234_567, 15_234_567)).toBe("1.2 MB of 15.2 MB sent (8%)");
    expect(uploadText(0, 0)).toBe("0 B of 0 B sent");
  });

  it("sums up an uploaded file", () => {
    expect(uploadSummary("spring.csv", 1_000_000, 3)).toBe("spring.csv — 1,000,000 rows, 3 columns");
    expect(uploadSummary("one.csv", 1, 1)).toBe("one.csv — 1 row, 1 column");
  });
});
