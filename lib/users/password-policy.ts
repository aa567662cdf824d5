// The password rules, shared by every form and server action that sets a password and by ADMIN_PASSWORD at start.
// Length plus a list of passwords attackers try first (NIST SP 800-63B), rather than composition rules that push
// people towards "Password1!". Importable in the browser, so the forms say what is wrong before a round trip.
import { COMMON_PASSWORDS } from "./common-passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

export { PASSWORD_HINT, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rules";

// Only list entries at least as long as the minimum can ever match: a few hundred of the list's ~49,000, generated
// into common-passwords.ts so that browsers get those and not the whole dictionary.
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(COMMON_PASSWORDS);
  return common;
}

/** Whether the password is on the common-password list, ignoring case and surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/** Whether the password is the email address or its part before the @, ignoring case. */
export function isEmailLike(password: string, email: string | null | undefined): boolean {
  const address = (email ?? "").trim().toLowerCase();
  if (!address) return false;
  const candidate = password.trim().toLowerCase();
  const local = address.split("@")[0] ?? "";
  return candidate === address || (local !== "" && candidate === local);
}

/** The first rule the password breaks, as a message for the person choosing it, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string | null): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  // "aaaaaaaaaaaa" or "abababababab" meet the length but not its purpose.
  if (new Set(password).size < 5) return "Use more different characters";
  if (isCommonPassword(password)) return "This password is too common: it is on a list of passwords attackers try first";
  if (isEmailLike(password, email)) return "Do not use your email address as your password";
  return null;
}
