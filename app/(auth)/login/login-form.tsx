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
import { signInSchema } from "@/lib/users/sign-in-schema";
import { signInDestination } from "./destination";
import { isKnownSignInError, signInErrorMessage } from "./error-messages";

type Values = z.input<typeof signInSchema>;

export function LoginForm({
  sso,
  callbackUrl,
  initialError,
}: {
  sso: { id: string; name: string } | null;
  callbackUrl: string | null;
  initialError: string | null;
}) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(initialError);
  const form = useForm<Values, unknown, z.output<typeof signInSchema>>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (res?.error) {
      // Here the error comes from our own server's answer to this request (the reason the sign-in was refused, such as
      // attempts left), not from the address bar, so its text may be shown; bare codes still get our fixed wording.
      const message = isKnownSignInError(res.error) ? signInErrorMessage(res.error)! : res.error;
      if (/locked|disabled/i.test(message)) setFormError(message);
      else form.setError("password", { type: "server", message }, { shouldFocus: true });
      return;
    }
    router.replace(signInDestination(callbackUrl, window.location.origin));
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
        <Button type="button" variant="outline" onClick={() => void signIn(sso.id, { callbackUrl: signInDestination(callbackUrl, window.location.origin) })}>
          Continue with {sso.name}
        </Button>
      ) : null}
    </form>
  );
}
