// The sign-in page's ?error= is whatever a link says: only known codes get a message, each a fixed text of ours, so a
// crafted link cannot make the page display its words ("Your account is locked, call +1 …").

const SSO_FAILED = "Single sign-on did not complete. Try again, or ask an administrator if it keeps failing.";
export const GENERIC_SIGN_IN_ERROR = "Sign-in did not complete. Try again.";

const MESSAGES: Record<string, string> = {
  // next-auth's codes.
  CredentialsSignin: "Email or password is incorrect.",
  OAuthSignin: SSO_FAILED,
  OAuthCallback: SSO_FAILED,
  OAuthCreateAccount: SSO_FAILED,
  OAuthAccountNotLinked: SSO_FAILED,
  Callback: SSO_FAILED,
  AccessDenied: "This account may not sign in to the console.",
  Configuration: "Sign-in is not set up correctly on the server. Ask an administrator.",
  Verification: "This sign-in link is no longer valid. Sign in again.",
  SessionRequired: "Sign in to continue.",
  Default: GENERIC_SIGN_IN_ERROR,
  // The console's own, from the single sign-on callback.
  SsoNoEmail: "Your identity provider did not send an email address, so the console cannot tell who you are.",
  SsoEmailUnverified: "Your identity provider has not verified your email address. Verify it there, then sign in again.",
  AccountDisabled: "This account is disabled. Ask an administrator to enable it.",
};

export function isKnownSignInError(code: string | null | undefined): code is string {
  return typeof code === "string" && Object.hasOwn(MESSAGES, code);
}

/** The message for an error code from the URL: a fixed text for a known code, a generic one otherwise, null for none. */
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return isKnownSignInError(code) ? MESSAGES[code]! : GENERIC_SIGN_IN_ERROR;
}
