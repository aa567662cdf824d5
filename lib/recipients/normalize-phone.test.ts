import { describe, expect, it } from "vitest";
import { mainCountry, normalizePhone } from "./normalize-phone";

describe("normalizePhone", () => {
  it("turns US numbers with punctuation into E.164 with a default country of US", () => {
    for (const written of ["(415) 555-2671", "415.555.2671", "1-415-555-2671", " +1 (415) 555 2671 "]) {
      expect(normalizePhone(written, "US")).toEqual({ ok: true, e164: "+14155552671", country: "US", callingCode: "1", type: "FIXED_LINE_OR_MOBILE" });
    }
  });

  it("tells what kind of number it is, where the numbering plan knows", () => {
    expect(normalizePhone("+44 20 7946 0958")).toMatchObject({ ok: true, type: "FIXED_LINE" });
    expect(normalizePhone("+44 7400 123456")).toMatchObject({ ok: true, type: "MOBILE" });
    expect(normalizePhone("+1 415 555 2671")).toMatchObject({ ok: true, type: "FIXED_LINE_OR_MOBILE" });
    expect(normalizePhone("+1 800 555 0199")).toMatchObject({ ok: true, type: "TOLL_FREE" });
  });

  it("reads a GB number in national format with a default country of GB", () => {
    expect(normalizePhone("020 7946 0958", "GB")).toMatchObject({ ok: true, e164: "+442079460958", country: "GB" });
    expect(normalizePhone("07400 123456", "GB")).toMatchObject({ ok: true, e164: "+447400123456", country: "GB" });
  });

  it("lets a number's own country code win over the default country", () => {
    expect(normalizePhone("+44 7400 123456", "US")).toMatchObject({ ok: true, e164: "+447400123456", country: "GB" });
  });

  it("needs a country code or a default country for a national number", () => {
    expect(normalizePhone("020 7946 0958")).toEqual({ ok: false, problem: "no_country_code", reason: "no country code, and no default country is set" });
    expect(normalizePhone("+44 20 7946 0958")).toMatchObject({ ok: true, e164: "+442079460958" });
  });

  it("reads a leading 00 as an international prefix when there is no default country", () => {
    expect(normalizePhone("0044 7400 123456")).toMatchObject({ ok: true, e164: "+447400123456" });
  });

  it("says a number is too short or too long for its country", () => {
    expect(normalizePhone("555-0100", "US")).toMatchObject({ ok: false, problem: "not_possible", reason: "too short for US" });
    expect(normalizePhone("+44 7400 1234567")).toMatchObject({ ok: false, problem: "not_possible", reason: "too long for GB" });
  });

  it("tells a possible but unassigned number apart from an impossible one", () => {
    // 555-01xx is reserved for fiction: the right length, never assigned.
    expect(normalizePhone("+1 555 555 0100")).toMatchObject({ ok: false, problem: "not_valid", reason: "not a valid number for US" });
    // GB 076 numbers are mostly pagers, not mobiles.
    expect(normalizePhone("07610 123456", "GB")).toMatchObject({ ok: false, problem: "not_valid" });
  });

  it("names empty cells, text and unknown country codes distinctly", () => {
    expect(normalizePhone("  ", "US")).toEqual({ ok: false, problem: "empty", reason: "no phone number" });
    expect(normalizePhone("n/a", "US")).toEqual({ ok: false, problem: "not_a_number", reason: "not a phone number" });
    expect(normalizePhone("+999 1234567")).toEqual({ ok: false, problem: "not_a_number", reason: "unknown country code" });
  });

  it("refuses a cell that holds more than a number", () => {
    expect(normalizePhone("call +1 415 555 2671 after 5", "US")).toMatchObject({ ok: false, problem: "not_a_number" });
  });

  it("refuses a number with an extension, which a message cannot reach", () => {
    expect(normalizePhone("+1 415 555 2671 ext. 12")).toMatchObject({ ok: false, problem: "extension" });
  });

  it("knows the main country of shared calling codes", () => {
    expect(mainCountry("1")).toBe("US");
    expect(mainCountry("44")).toBe("GB");
    expect(mainCountry("999")).toBeUndefined();
  });
});
