"use client";
// The Add number dialog's form, loaded when the dialog is first about to open (add-number-dialog.tsx):
// react-hook-form and the form need not load with the Suppression page.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { addSuppressionSchema } from "@/lib/suppression/schemas";
import { addSuppressionAction } from "./actions";
import { DefaultCountryInput } from "./default-country-input";
import { SUPPRESSION_KEY } from "./suppression-api";

type Values = z.input<typeof addSuppressionSchema>;

// The schema (and zod) load when the form is first focused (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/suppression/schemas").then((m) => m.addSuppressionSchema));

/**
 * Empty each time the dialog opens, except the country, which usually stays the same from one number to the next:
 * the dialog keeps it (`country`, `onCountry`). `onAdded` closes the dialog.
 */
export function AddNumberForm({ country, onCountry, onAdded }: { country: string; onCountry: (country: string) => void; onAdded: () => void }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof addSuppressionSchema>>({ resolver, defaultValues: { phone: "", defaultCountry: country, reason: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await addSuppressionAction(values);
    if (!res.ok) {
      setFormError(applyServerErrors(form, res.error));
      return;
    }
    onAdded();
    await queryClient.invalidateQueries({ queryKey: SUPPRESSION_KEY });
  });

  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field id="add-phone" label="Phone number" hint="With +country code, or as written locally with a default country" error={errors.phone?.message}>
        <Input type="tel" autoComplete="off" {...form.register("phone")} />
      </Field>
      <Field id="add-country" label="Default country" hint="Optional. Two letters, like GB or US" error={errors.defaultCountry?.message}>
        <DefaultCountryInput {...form.register("defaultCountry", { onChange: (e: { target: { value: string } }) => onCountry(e.target.value) })} />
      </Field>
      <Field id="add-reason" label="Reason" hint="Why this number must not be contacted" error={errors.reason?.message}>
        <Textarea maxLength={500} {...form.register("reason")} />
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add to list"}
      </Button>
    </form>
  );
}
