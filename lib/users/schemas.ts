// Input schemas for users and sign-in, shared by the forms (client) and the server actions.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";

const COMMON_PASSWORDS = new Set([
  "password1234", "123456789012", "qwertyuiopas", "administrator", "letmein12345", "welcome12345", "changeme1234", "password12345",
]);

export const emailSchema = z
  .string({ error: "Enter an email address" })
  .trim()
  .min(1, "Enter an email address")
  .max(254, "Email address is too long")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com" }))
  .transform((v) => v.toLowerCase());

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(12, "Use at least 12 characters")
  .max(128, "Use at most 128 characters")
  .refine((v) => /[a-zA-Z]/.test(v) && /[^a-zA-Z]/.test(v), "Mix letters with digits or symbols")
  .refine((v) => new Set(v).size >= 5, "Use more different characters")
  .refine((v) => !COMMON_PASSWORDS.has(v.toLowerCase()), "This password is too common");

export const nameSchema = z.string().trim().max(100, "Use at most 100 characters");
export const roleSchema = z.enum(ROLES, { error: "Choose a role" });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(128, "Use at most 128 characters"),
});

export const setupSchema = z
  .object({ email: emailSchema, name: nameSchema, password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" });

export const createUserSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema });

export const changeRoleSchema = z.object({ userId: z.uuid("Unknown user"), role: roleSchema });
export const setUserDisabledSchema = z.object({ userId: z.uuid("Unknown user"), disabled: z.boolean() });

export type SignInInput = z.input<typeof signInSchema>;
export type SetupInput = z.input<typeof setupSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;
