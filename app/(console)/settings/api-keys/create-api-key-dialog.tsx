"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { KeyRound } from "lucide-react";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import type { createApiKeySchema } from "@/lib/api-keys/schemas";
import { ROLE_LABEL, ROLES } from "@/lib/auth/roles";
import { createApiKeyAction } from "./actions";

type Values = z.input<typeof createApiKeySchema>;

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/api-keys/schemas").then((m) => m.createApiKeySchema));

export function CreateApiKeyDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
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

  const onOpenChange = (o: boolean) => {
    setOpen(o);
    if (!o) setCreated(null);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <KeyRound className="size-4" aria-hidden />
          Create API key
        </Button>
      </DialogTrigger>
      <DialogContent title="Create API key">
        {created ? (
          <div className="grid gap-3">
            <Alert tone="warning">Copy this key now. It is shown only once; the console keeps only a hash of it.</Alert>
            <Field id="created-key" label="API key">
              <Input readOnly value={created} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
            </Field>
            <CopyButton value={created} label="Copy API key" testId="copy-api-key" size="sm" />
            <Button type="button" onClick={() => onOpenChange(false)}>
              Done
            </Button>
          </div>
        ) : (
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
        )}
      </DialogContent>
    </Dialog>
  );
}
