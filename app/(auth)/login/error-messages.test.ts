import { describe, expect, it } from "vitest";
import { GENERIC_SIGN_IN_ERROR, signInErrorMessage } from "./error-messages";

describe("signInErrorMessage", () => {
  it.each([
    "CredentialsSignin",
    "OAuthSignin",
    "OAuthCallback",
    "OAuthCreateAccount",
    "Callback",
    "AccessDenied",
    "Configuration",
    "SessionRequired",
    "Default",
    "SsoNoEmail",
    "SsoEmailUnverified",
    "AccountDisabled",
  ])("has a fixed message for %s", (code) => {
    const message = signInErrorMessage(code);
    expect(message).toEqual(expect.any(String));
    expect(message).not.toContain(code);
  });

  it("says which account problem it is for the console's own codes", () => {
    expect(signInErrorMessage("AccountDisabled")).toMatch(/disabled/);
    expect(signInErrorMessage("SsoNoEmail")).toMatch(/email address/);
    expect(signInErrorMessage("CredentialsSignin")).toBe("Email or password is incorrect.");
  });

  it.each(["Your account is locked. Call +1 555 0100 to unlock it.", "<b>hi</b>", "constructor", "__proto__", "toString", "credentialssignin"])(
    "never shows the text of an unknown code: %j",
    (code) => {
      expect(signInErrorMessage(code)).toBe(GENERIC_SIGN_IN_ERROR);
    },
  );

  it("shows nothing without a code", () => {
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage("")).toBeNull();
  });
});
