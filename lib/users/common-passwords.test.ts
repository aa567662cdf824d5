import { readFileSync } from "node:fs";
import path from "node:path";
import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { commonPasswordsModule, longCommonPasswords } from "@/scripts/lib/common-passwords";
import { COMMON_PASSWORDS } from "./common-passwords";
import { PASSWORD_MIN_LENGTH, isCommonPassword } from "./password-policy";

describe("the generated common-password list", () => {
  it("is the package list's entries of the minimum length or more, lower-cased", () => {
    const expected = new Set(dictionary["passwords-common"].filter((p) => p.length >= PASSWORD_MIN_LENGTH).map((p) => p.toLowerCase()));
    expect(new Set(COMMON_PASSWORDS)).toEqual(expected);
    expect(COMMON_PASSWORDS).toHaveLength(expected.size);
  });

  it("is the module scripts/generate-common-passwords.ts writes today, unedited", () => {
    const committed = readFileSync(path.join(__dirname, "common-passwords.ts"), "utf8");
    expect(committed).toBe(commonPasswordsModule(longCommonPasswords(PASSWORD_MIN_LENGTH)));
  });

  it("leaves out entries shorter than the minimum, which no accepted password can equal", () => {
    const short = dictionary["passwords-common"].find((p) => p.length < PASSWORD_MIN_LENGTH)!;
    expect(COMMON_PASSWORDS).not.toContain(short.toLowerCase());
    expect(COMMON_PASSWORDS.every((p) => p.length >= PASSWORD_MIN_LENGTH && p === p.toLowerCase())).toBe(true);
  });

  it("is what the policy checks against", () => {
    for (const p of COMMON_PASSWORDS) expect(isCommonPassword(p.toUpperCase()), p).toBe(true);
  });
});
