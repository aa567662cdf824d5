"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInSchema } from "@/lib/users/schemas";

type Values = z.input<typeof signInSchema>;

export function LoginForm({ sso, next, initialError }: { sso: { id: string; name: string } | null; next: string; initialError: string | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError);
  const form = useForm<Values, unknown, z.output<typeof signInSchema>>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (res?.error) {
      const message = res.error === "CredentialsSignin" ? "Email or password is incorrect." : res.error;
      if (/locked|disabled/i.test(message)) setFormError(message);
      else form.setError("password", { type: "server", message }, { shouldFocus: true });
      return;
    }
    router.replace(next);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="username" autoFocus {...form.register("email")} />
      </Field>
      <Field id="password" label="Password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("password")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
      {sso ? (
        <Button type="button" variant="outline" onClick={() => void signIn(sso.id, { callbackUrl: next })}>
          Continue with {sso.name}
        </Button>
      ) : null}
    </form>
  );
}
