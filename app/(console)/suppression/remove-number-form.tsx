"use client";
// The Remove number dialog's form, loaded when a Remove button is first about to open its dialog
// (remove-number-dialog.tsx): react-hook-form and the form need not load with the Suppression page.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { removeSuppressionSchema } from "@/lib/suppression/schemas";
import { removeSuppressionAction } from "./actions";
import { SUPPRESSION_KEY } from "./suppression-api";

type Values = z.input<typeof removeSuppressionSchema>;

// The schema (and zod) load when the form is first focused (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/suppression/schemas").then((m) => m.removeSuppressionSchema));

/** Empty each time the dialog opens; `onRemoved` closes it. */
export function RemoveNumberForm({ phone, onRemoved }: { phone: string; onRemoved: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof removeSuppressionSchema>>({
    resolver,
    defaultValues: { phone, reason: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await removeSuppressionAction(values);
    if (!res.ok) {
      setFormError(applyServerErrors(form, res.error));
      // Someone else removed it meanwhile: the list is out of date either way.
      if (res.error.code === "not_found") void queryClient.invalidateQueries({ queryKey: SUPPRESSION_KEY });
      return;
    }
    onRemoved();
    await queryClient.invalidateQueries({ queryKey: SUPPRESSION_KEY });
  });

  const fieldId = `remove-reason-${phone.replace(/\W/g, "")}`;
  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id={fieldId} label="Reason" hint="Why this number may be contacted again; kept in the audit log" error={errors.reason?.message}>
        <Textarea maxLength={500} {...form.register("reason")} />
      </Field>
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="ghost">
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" variant="destructive" disabled={isSubmitting}>
          {isSubmitting ? "Removing…" : "Remove number"}
        </Button>
      </div>
    </form>
  );
}
