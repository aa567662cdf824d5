import { describe, expect, it } from "vitest";
import { invalidReasons, invalidShare } from "./invalid-reasons";

describe("invalid reasons", () => {
  it("names the main reasons with counts, most rows first, and offers the source number's country for rows without one", () => {
    const reasons = invalidReasons({ not_valid: 4, no_country_code: 303, empty: 0, too_few_columns: 1 }, "US", undefined);
    expect(reasons.map((r) => [r.problem, r.count])).toEqual([
      ["no_country_code", 303],
      ["not_valid", 4],
      ["too_few_columns", 1],
    ]);
    expect(reasons[0]).toEqual({
      problem: "no_country_code",
      count: 303,
      text: "303 rows have no country code and no default country applies",
      fix: { defaultCountry: "US", text: "Treat them as US, the source number's country?" },
    });
    expect(reasons[2]!.text).toBe("1 row has fewer columns than the header");
  });

  it("offers no country when one is already set or the source number's is unknown", () => {
    expect(invalidReasons({ no_country_code: 2 }, "US", "GB")[0]!.fix).toBeUndefined();
    expect(invalidReasons({ no_country_code: 2 }, undefined, undefined)[0]).toEqual({
      problem: "no_country_code",
      count: 2,
      text: "2 rows have no country code and no default country applies",
    });
  });

  it("explains that SMS reaches only the source number's country", () => {
    expect(invalidReasons({ wrong_country: 1200 }, "US", "US")[0]!.text).toBe(
      "1,200 rows are numbers outside US: SMS from this number reaches numbers in its own country only",
    );
  });

  it("says what a time zone cell must hold, and that an empty one is fine", () => {
    expect(invalidReasons({ unknown_time_zone: 2 }, "US", "US")[0]!.text).toBe(
      "2 rows have a time zone that is not an IANA name (such as America/Chicago); empty cells use the number's zone",
    );
  });

  it("measures the invalid share of all rows", () => {
    expect(invalidShare({ invalid: 303 }, 500)).toBeCloseTo(0.606);
    expect(invalidShare({ invalid: 0 }, 0)).toBe(0);
  });
});
