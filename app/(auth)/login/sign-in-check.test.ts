import { describe, expect, it } from "vitest";
import { z } from "zod";
import { signInSchema } from "@/lib/users/sign-in-schema";
import { EMAIL_PATTERN, checkSignIn, type SignInCheck, type SignInValues } from "./sign-in-check";

/** What the login form showed when it validated with signInSchema: the first message per field, or the parsed values. */
function schemaVerdict(input: SignInValues): SignInCheck {
  const parsed = signInSchema.safeParse(input);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { ok: false, errors };
}

const EMAILS = [
  "",
  "   ",
  "ada@example.com",
  "  Ada.Lovelace@Example.COM  ",
  "not-an-email",
  "a@b",
  "a@b.c",
  "a@b.co",
  "a..b@example.com",
  ".a@example.com",
  "a.@example.com",
  "o'brien@example.ie",
  "first+tag@sub.example.org",
  "a@-example.com",
  "a@example-.com",
  "a b@example.com",
  "ada@exämple.com",
  "ädä@example.com",
  "a@example.com.",
  "@example.com",
  "a@@example.com",
  `${"a".repeat(64)}@${"b".repeat(180)}.com`,
  `${"a".repeat(64)}@${"b".repeat(190)}.com`,
  `  ${"a".repeat(60)}@${"b".repeat(185)}.com  `,
  "ada@example.com\n",
  "\u0000@example.com",
  "😀".repeat(200),
  "😀".repeat(255),
];
const PASSWORDS = ["", " ", "x", "correct-horse-battery-1", "a".repeat(128), "a".repeat(129), "😀".repeat(64), "😀".repeat(65), "  padded  "];

describe("the sign-in form's check", () => {
  it("uses zod's own email pattern", () => {
    expect(EMAIL_PATTERN.source).toBe(z.regexes.email.source);
    expect(EMAIL_PATTERN.flags).toBe(z.regexes.email.flags);
  });

  it.each(EMAILS.flatMap((email) => PASSWORDS.map((password) => ({ email, password }))))("agrees with signInSchema on %j", (input) => {
    expect(checkSignIn(input)).toEqual(schemaVerdict(input));
  });

  it("sends the address trimmed and lower-cased, and the password as typed", () => {
    expect(checkSignIn({ email: "  Ada@Example.COM ", password: " secret " })).toEqual({
      ok: true,
      values: { email: "ada@example.com", password: " secret " },
    });
  });
});
