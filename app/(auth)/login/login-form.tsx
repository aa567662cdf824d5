"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signInDestination } from "./destination";
import { isKnownSignInError, signInErrorMessage } from "./error-messages";
import { checkSignIn, signInFieldProblem, type SignInErrors, type SignInField } from "./sign-in-check";

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
  const [errors, setErrors] = useState<SignInErrors>({});
  // As forms elsewhere in the console: checked on submit, then again as each field changes.
  const [submitted, setSubmitted] = useState(false);
  const [isSubmitting, setSubmitting] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);

  const recheck = (field: SignInField) => (e: React.ChangeEvent<HTMLInputElement>) => {
    if (submitted) setErrors((prev) => ({ ...prev, [field]: signInFieldProblem(field, e.target.value) }));
  };

  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSubmitted(true);
    const checked = checkSignIn({ email: emailInput.current?.value ?? "", password: passwordInput.current?.value ?? "" });
    if (!checked.ok) {
      setErrors(checked.errors);
      (checked.errors.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    setErrors({});
    setFormError(null);
    setSubmitting(true);
    try {
      const { email, password } = checked.values;
      const res = await signIn("credentials", { email, password, redirect: false });
      if (res?.error) {
        // Here the error comes from our own server's answer to this request (the reason the sign-in was refused, such
        // as attempts left), not from the address bar, so its text may be shown; bare codes still get our fixed wording.
        const message = isKnownSignInError(res.error) ? signInErrorMessage(res.error)! : res.error;
        if (/locked|disabled/i.test(message)) setFormError(message);
        else {
          setErrors({ password: message });
          passwordInput.current?.focus();
        }
        return;
      }
      router.replace(signInDestination(callbackUrl, window.location.origin));
      router.refresh();
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="email" label="Email" error={errors.email}>
        <Input ref={emailInput} name="email" type="email" autoComplete="username" autoFocus onChange={recheck("email")} />
      </Field>
      <Field id="password" label="Password" error={errors.password}>
        <Input ref={passwordInput} name="password" type="password" autoComplete="current-password" onChange={recheck("password")} />
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
