// The sign-in form's schema, apart from the password rules so the sign-in page does not load the common-password list.
import { z } from "zod";
import { emailSchema } from "./email-schema";

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(128, "Use at most 128 characters"),
});

export type SignInInput = z.input<typeof signInSchema>;
