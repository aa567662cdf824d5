"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { UserPlus } from "lucide-react";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { PASSWORD_HINT } from "@/lib/users/password-rules";
import { ROLE_DESCRIPTION, ROLE_LABEL, ROLES } from "@/lib/auth/roles";
import type { createUserSchema } from "@/lib/users/schemas";
import { createUserAction } from "./actions";

type Values = z.input<typeof createUserSchema>;
const EMPTY: Values = { email: "", name: "", role: "supervisor", password: "" };

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/users/schemas").then((m) => m.createUserSchema));

export function AddUserDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
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
    form.reset(EMPTY);
    setOpen(false);
    router.refresh();
  });

  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setFormError(null))}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="size-4" aria-hidden />
          Add user
        </Button>
      </DialogTrigger>
      <DialogContent title="Add user" description="They sign in with this email and password; ask them to keep the password private.">
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
      </DialogContent>
    </Dialog>
  );
}
