"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PASSWORD_HINT } from "@/lib/users/password-rules";
import type { setupSchema } from "@/lib/users/schemas";
import { setupFirstAdminAction } from "./actions";

type Values = z.input<typeof setupSchema>;

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/users/schemas").then((m) => m.setupSchema));

export function SetupForm() {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof setupSchema>>({
    resolver,
    defaultValues: { email: "", name: "", password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await setupFirstAdminAction(values);
    if (!res.ok) {
      setFormError(applyServerErrors(form, res.error));
      return;
    }
    // next-auth's browser client is needed only here, once: it loads with this step rather than with the page.
    const { signIn } = await import("next-auth/react");
    const signed = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    router.replace(signed?.error ? "/login" : "/campaigns");
    router.refresh();
  });

  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="username" autoFocus {...form.register("email")} />
      </Field>
      <Field id="name" label="Name" error={errors.name?.message}>
        <Input autoComplete="name" {...form.register("name")} />
      </Field>
      <Field id="password" label="Password" hint={PASSWORD_HINT} error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field id="confirmPassword" label="Confirm password" error={errors.confirmPassword?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create admin and sign in"}
      </Button>
    </form>
  );
}
