// The sign-in form's check in the browser: the same verdicts, in the same order and words, as
// lib/users/sign-in-schema.ts, which the server applies again. The sign-in page is the first page anyone loads, and
// zod with a form library would be a fifth of its JavaScript for two fields; sign-in-check.test.ts holds the two
// to the same answers, so the form cannot drift from the schema.

/** zod's z.email() pattern (zod 4.6), which emailSchema applies. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export interface SignInValues {
  email: string;
  password: string;
}

export type SignInField = keyof SignInValues;
export type SignInErrors = Partial<Record<SignInField, string>>;

export type SignInCheck = { ok: true; values: SignInValues } | { ok: false; errors: SignInErrors };

// As zod measures strings: in characters (code points), so an emoji counts once.
const characters = (s: string) => [...s].length;

function emailProblem(raw: string): string | undefined {
  const email = raw.trim();
  if (email.length === 0) return "Enter an email address";
  if (characters(email) > 254) return "Email address is too long";
  if (!EMAIL_PATTERN.test(email)) return "Enter a valid email address, like name@example.com";
  return undefined;
}

function passwordProblem(password: string): string | undefined {
  if (password.length === 0) return "Enter your password";
  if (characters(password) > 128) return "Use at most 128 characters";
  return undefined;
}

/** What is wrong with one field as typed, or undefined. */
export function signInFieldProblem(field: SignInField, value: string): string | undefined {
  return field === "email" ? emailProblem(value) : passwordProblem(value);
}

/** The form as typed → what to send (the address trimmed and lower-cased, as the schema's output), or each field's problem. */
export function checkSignIn(input: SignInValues): SignInCheck {
  const errors: SignInErrors = {};
  const email = emailProblem(input.email);
  const password = passwordProblem(input.password);
  if (email) errors.email = email;
  if (password) errors.password = password;
  if (email || password) return { ok: false, errors };
  return { ok: true, values: { email: input.email.trim().toLowerCase(), password: input.password } };
}
