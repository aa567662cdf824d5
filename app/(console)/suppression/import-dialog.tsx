"use client";
// Imports a CSV file or pasted numbers in one go, then shows what happened to every line that was not added.
import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { ApiRequestError } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { MAX_IMPORT_BYTES } from "@/lib/suppression/limits";
import { DefaultCountryInput } from "./default-country-input";
import { ImportResult } from "./import-result";
import { SUPPRESSION_KEY, postImport } from "./suppression-api";

type FieldName = "file" | "lines" | "defaultCountry" | "reason";

/** The server's field errors under this form's names; it calls the file's text `csvText`. */
function fieldErrors(error: unknown): Partial<Record<FieldName, string>> {
  if (!(error instanceof ApiRequestError)) return {};
  const f = error.body.fields ?? {};
  return { file: f.file ?? f.csvText, lines: f.lines, defaultCountry: f.defaultCountry, reason: f.reason };
}

export function ImportDialog() {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);
  const mutation = useMutation({
    mutationFn: postImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SUPPRESSION_KEY }),
  });
  const errors = fieldErrors(mutation.error);
  const fileError = tooLarge ? "The file is larger than 16 MB: split it into smaller files" : errors.file;
  const hasFieldError = Object.values(errors).some(Boolean);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const large = file instanceof File && file.size > MAX_IMPORT_BYTES;
    setTooLarge(large);
    if (!large) mutation.mutate(form);
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    setTooLarge(false);
    mutation.reset();
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload className="size-4" aria-hidden />
          Import CSV
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Import CSV"
        description="Up to 100,000 numbers: a CSV file (the phone, number or mobile column, else the first) or one number per line."
        className="max-h-[90vh] overflow-y-auto"
      >
        {mutation.data ? (
          <div className="grid gap-4">
            <ImportResult report={mutation.data} />
            <div className="flex justify-end gap-2">
              <Button type="button" variant="outline" onClick={() => mutation.reset()}>
                Import more
              </Button>
              <DialogClose asChild>
                <Button type="button">Done</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            {mutation.error && !hasFieldError ? <Alert tone="error">{mutation.error.message}</Alert> : null}
            <Field id="import-file" label="CSV file" hint="UTF-8; comma or semicolon separated" error={fileError}>
              <Input name="file" type="file" accept=".csv,.txt,text/csv,text/plain" className="h-auto py-1.5" />
            </Field>
            <Field id="import-lines" label="Numbers, one per line" hint="Instead of a file" error={errors.lines}>
              <Textarea name="lines" rows={5} spellCheck={false} className="font-mono" />
            </Field>
            <Field id="import-country" label="Default country" hint="Optional. For numbers without +country code, e.g. GB" error={errors.defaultCountry}>
              <DefaultCountryInput name="defaultCountry" />
            </Field>
            <Field id="import-reason" label="Reason" hint="Kept with every number added" error={errors.reason}>
              <Textarea name="reason" maxLength={500} rows={2} />
            </Field>
            <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
              {mutation.isPending ? "Importing…" : "Import"}
            </Button>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
