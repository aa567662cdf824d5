"use client";
// The Create API key dialog's body, loaded when the dialog is first about to open (create-api-key-dialog.tsx): the form,
// then the new key shown once. react-hook-form and the form need not load with the API keys page.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { createApiKeySchema } from "@/lib/api-keys/schemas";
import { ROLE_LABEL, ROLES } from "@/lib/auth/roles";
import { createApiKeyAction } from "./actions";

type Values = z.input<typeof createApiKeySchema>;

// The schema (and zod) load when the form is first focused (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/api-keys/schemas").then((m) => m.createApiKeySchema));

/** Empty each time the dialog opens; `onDone` closes it once the key has been copied. */
export function CreateApiKeyForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof createApiKeySchema>>({
    resolver,
    defaultValues: { name: "", role: "supervisor", expiresOn: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await createApiKeyAction(values);
    if (!res.ok) return setFormError(applyServerErrors(form, res.error));
    setCreated(res.data.key);
    form.reset();
    router.refresh();
  });

  if (created) {
    return (
      <div className="grid gap-3">
        <Alert tone="warning">Copy this key now. It is shown only once; the console keeps only a hash of it.</Alert>
        <Field id="created-key" label="API key">
          <Input readOnly value={created} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        </Field>
        <CopyButton value={created} label="Copy API key" testId="copy-api-key" size="sm" className="justify-self-start" />
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </div>
    );
  }
  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="key-name" label="Name" hint="What uses it, e.g. CRM nightly sync" error={errors.name?.message}>
        <Input autoComplete="off" {...form.register("name")} />
      </Field>
      <Field id="key-role" label="Role" error={errors.role?.message}>
        <Select {...form.register("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        id="key-expires"
        label="Expires on (optional)"
        hint="The key stops working at 00:00 UTC on this day. Leave blank for a key that does not expire."
        error={errors.expiresOn?.message}
      >
        <Input type="date" {...form.register("expiresOn")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create key"}
      </Button>
    </form>
  );
}
