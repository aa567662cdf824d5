"use client";
// The Add user dialog's form, loaded when the dialog is first about to open (add-user-dialog.tsx): react-hook-form
// and the form need not load with the Users page.
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PASSWORD_HINT } from "@/lib/users/password-rules";
import { ROLE_DESCRIPTION, ROLE_LABEL, ROLES } from "@/lib/auth/roles";
import type { createUserSchema } from "@/lib/users/schemas";
import { createUserAction } from "./actions";

type Values = z.input<typeof createUserSchema>;
const EMPTY: Values = { email: "", name: "", role: "supervisor", password: "" };

// The schema (and zod) load when the form is first focused (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/users/schemas").then((m) => m.createUserSchema));

/** Empty each time the dialog opens; `onCreated` closes it. */
export function AddUserForm({ onCreated }: { onCreated: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof createUserSchema>>({ resolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: "role" });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await createUserAction(values);
    if (!res.ok) {
      setFormError(applyServerErrors(form, res.error));
      return;
    }
    onCreated();
  });

  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="new-email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="off" {...form.register("email")} />
      </Field>
      <Field id="new-name" label="Name" error={errors.name?.message}>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <Field id="new-role" label="Role" hint={ROLE_DESCRIPTION[role ?? "viewer"]} error={errors.role?.message}>
        <Select {...form.register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="new-password" label="Password" hint={PASSWORD_HINT} error={errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Create user"}
      </Button>
    </form>
  );
}
