import { describe, expect, it } from "vitest";
import { isValidTimeZone } from "@/lib/settings/send-window-math";
import { createTimeZoneReader, readTimeZone } from "./time-zone-cell";

describe("readTimeZone", () => {
  it("spells a zone written in any case as Intl does", () => {
    expect(readTimeZone("america/chicago")).toEqual({ zone: "America/Chicago" });
    expect(readTimeZone("ASIA/TOKYO")).toEqual({ zone: "Asia/Tokyo" });
    expect(readTimeZone("utc")).toEqual({ zone: "UTC" });
  });

  it("names the cell it cannot read, shortened when long", () => {
    expect(readTimeZone("Mars/Olympus")).toEqual({ reason: 'unknown time zone "Mars/Olympus"' });
    expect(readTimeZone("-05:00 (Central)")).toEqual({ reason: 'unknown time zone "-05:00 (Central)"' });
    expect(readTimeZone(`America/${"x".repeat(70)}`)).toEqual({ reason: `unknown time zone "America/${"x".repeat(32)}…"` });
  });

  it("accepts exactly what the send window accepts, so a stored zone is always one the dispatcher can judge", () => {
    for (const text of ["Europe/Berlin", "europe/berlin", "Etc/GMT+5", "Mars/Olympus", "", "Not a zone", `Europe/${"x".repeat(64)}`]) {
      const read = readTimeZone(text);
      expect("zone" in read, text).toBe(isValidTimeZone(text));
      if ("zone" in read) expect(isValidTimeZone(read.zone)).toBe(true);
    }
  });
});

describe("createTimeZoneReader", () => {
  it("takes an empty or blank cell to mean the number's zones, and trims the rest", () => {
    const read = createTimeZoneReader();
    expect(read("")).toBeUndefined();
    expect(read("   ")).toBeUndefined();
    expect(read(" asia/tokyo ")).toEqual({ zone: "Asia/Tokyo" });
  });

  it("answers a repeated cell from its cache, with the same answer", () => {
    const read = createTimeZoneReader();
    const first = read("america/chicago");
    expect(read("america/chicago")).toBe(first);
    expect(read("Mars/Olympus")).toBe(read("Mars/Olympus"));
  });

  it("keeps answering correctly once its cache has started over", () => {
    const read = createTimeZoneReader();
    for (let i = 0; i < 10_050; i++) expect(read(`junk-${i}`)).toEqual({ reason: `unknown time zone "junk-${i}"` });
    expect(read("europe/paris")).toEqual({ zone: "Europe/Paris" });
  });
});
