"use client";
import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { SignOutButton } from "@/components/console/sign-out-button";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_HINT } from "@/lib/users/password-rules";
import type { changePasswordSchema } from "@/lib/users/schemas";
import { changeOwnPasswordAction } from "./actions";

type Values = z.input<typeof changePasswordSchema>;

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/users/schemas").then((m) => m.changePasswordSchema));

export function ChangePasswordForm({ email, forced }: { email: string; forced: boolean }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<{ otherSessionsEnded: number } | null>(null);
  const form = useForm<Values, unknown, z.output<typeof changePasswordSchema>>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await changeOwnPasswordAction(values);
    if (!res.ok) return setFormError(applyServerErrors(form, res.error));
    form.reset();
    setDone(res.data);
  });

  if (done) {
    const others = done.otherSessionsEnded;
    return (
      <div className="grid gap-4">
        <Alert tone="success">Your password is changed.{others > 0 ? ` ${others} other session${others === 1 ? " was" : "s were"} signed out.` : ""}</Alert>
        <Button asChild>
          <Link href="/campaigns">Continue to the console</Link>
        </Button>
      </div>
    );
  }

  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        id="currentPassword"
        label={forced ? "Temporary password" : "Current password"}
        hint={forced ? "The one your administrator gave you" : undefined}
        error={errors.currentPassword?.message}
      >
        <Input type="password" autoComplete="current-password" autoFocus {...form.register("currentPassword")} />
      </Field>
      <Field id="newPassword" label="New password" hint={PASSWORD_HINT} error={errors.newPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("newPassword")} />
      </Field>
      <Field id="confirmPassword" label="Confirm new password" error={errors.confirmPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Changing…" : "Change password"}
      </Button>
      {forced ? (
        <SignOutButton />
      ) : (
        <Button asChild variant="outline">
          <Link href="/campaigns">Back to the console</Link>
        </Button>
      )}
    </form>
  );
}
