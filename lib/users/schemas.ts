// Input schemas for users and passwords, shared by the forms (client) and the server actions.
import { z } from "zod";
import { isEmailLike, passwordProblem } from "./password-policy";
import { emailSchema } from "./email-schema";
import { roleSchema } from "./role-schema";
import { safeText } from "@/lib/text/safe-text";

export { emailSchema } from "./email-schema";
export { signInSchema, type SignInInput } from "./sign-in-schema";

/** A new password: lib/users/password-policy.ts decides; the email rule is added where the email is known. */
export const passwordSchema = z.string({ error: "Enter a password" }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** For objects holding both: refuses a password equal to the email or its local part, on the password field. */
function passwordNotEmail(passwordKey: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (typeof v[passwordKey] === "string" && typeof v.email === "string" && isEmailLike(v[passwordKey], v.email)) {
      ctx.addIssue({ code: "custom", path: [passwordKey], message: "Do not use your email address as your password" });
    }
  };
}

export const nameSchema = safeText().trim().max(100, "Use at most 100 characters");
export { roleSchema } from "./role-schema";

export const setupSchema = z
  .object({ email: emailSchema, name: nameSchema, password: passwordSchema, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" })
  .superRefine(passwordNotEmail("password"));

export const createUserSchema = z
  .object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema })
  .superRefine(passwordNotEmail("password"));

/** The signed-in user's own change; the server also checks the new password against their email. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(128, "Use at most 128 characters"),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "Passwords do not match" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password different from the current one" });

/** An admin resets someone else's password: the server generates the temporary one. */
export const resetPasswordSchema = z.object({ userId: z.uuid("Unknown user") });

export const changeRoleSchema = z.object({ userId: z.uuid("Unknown user"), role: roleSchema });
export const setUserDisabledSchema = z.object({ userId: z.uuid("Unknown user"), disabled: z.boolean() });

export type SetupInput = z.input<typeof setupSchema>;
export type CreateUserInput = z.input<typeof createUserSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
