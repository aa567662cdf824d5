import { getCountries, parsePhoneNumberWithError, type CountryCode } from "libphonenumber-js/core";
import examples from "libphonenumber-js/mobile/examples";
import metadata from "libphonenumber-js/max/metadata";
import { describe, expect, it } from "vitest";
import { isValidNationalNumber } from "./phone-validity";

// The fast check must agree with the library it mirrors, or an upgrade of libphonenumber-js has changed the logic.
describe("isValidNationalNumber", () => {
  it("agrees with libphonenumber-js isValid() for every country, on valid and broken numbers", () => {
    const disagreements: string[] = [];
    let valid = 0;
    let invalid = 0;
    for (const country of getCountries(metadata)) {
      const example = (examples as Partial<Record<CountryCode, string>>)[country];
      if (example === undefined) continue;
      const variants = [example, example.slice(0, -1), `${example}7`, `1${example.slice(1)}`, `9${example.slice(1)}`, `${example.slice(0, -3)}000`];
      for (const variant of variants) {
        let phone;
        try {
          phone = parsePhoneNumberWithError(variant, { defaultCountry: country, extract: false }, metadata);
        } catch {
          continue;
        }
        const expected = phone.isValid();
        if (expected) valid++;
        else invalid++;
        if (isValidNationalNumber(phone.nationalNumber, phone.country, phone.countryCallingCode) !== expected) disagreements.push(`${country} ${variant}`);
      }
    }
    expect(disagreements).toEqual([]);
    // Both outcomes must be well represented, or the comparison proves little.
    expect(valid).toBeGreaterThan(200);
    expect(invalid).toBeGreaterThan(200);
  });
});
