"use client";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { Plus } from "lucide-react";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { addSuppressionSchema } from "@/lib/suppression/schemas";
import { addSuppressionAction } from "./actions";
import { DefaultCountryInput } from "./default-country-input";
import { SUPPRESSION_KEY } from "./suppression-api";

type Values = z.input<typeof addSuppressionSchema>;
const EMPTY: Values = { phone: "", defaultCountry: "", reason: "" };

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/suppression/schemas").then((m) => m.addSuppressionSchema));

export function AddNumberDialog() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof addSuppressionSchema>>({ resolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const res = await addSuppressionAction(values);
    if (!res.ok) {
      setFormError(applyServerErrors(form, res.error));
      return;
    }
    onOpenChange(false);
    await queryClient.invalidateQueries({ queryKey: SUPPRESSION_KEY });
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    setFormError(null);
    // Starts empty next time, except the country, which usually stays the same from one number to the next.
    if (!next) form.reset({ ...EMPTY, defaultCountry: form.getValues("defaultCountry") ?? "" });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden />
          Add number
        </Button>
      </DialogTrigger>
      <DialogContent title="Add number" description="No campaign will send to this number while it is on the list.">
        <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-4">
          {formError ? <Alert tone="error">{formError}</Alert> : null}
          <Field id="add-phone" label="Phone number" hint="With +country code, or as written locally with a default country" error={errors.phone?.message}>
            <Input type="tel" autoComplete="off" {...form.register("phone")} />
          </Field>
          <Field id="add-country" label="Default country" hint="Optional. Two letters, like GB or US" error={errors.defaultCountry?.message}>
            <DefaultCountryInput {...form.register("defaultCountry")} />
          </Field>
          <Field id="add-reason" label="Reason" hint="Why this number must not be contacted" error={errors.reason?.message}>
            <Textarea maxLength={500} {...form.register("reason")} />
          </Field>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Adding…" : "Add to list"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}
