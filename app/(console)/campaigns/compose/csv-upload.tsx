"use client";
// Reads the chosen file in the browser (UTF-8 check, size limit, header) so the columns can be mapped at once;
// the file's text then travels with the campaign and the server checks it again.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { decodeRecipientsFile } from "@/lib/recipients/decode";
import { RecipientsInputError } from "@/lib/recipients/input-error";
import { mappingForHeader } from "./column-mapping";
import type { ComposerValues } from "./form-values";
import { readLocalRecipients } from "./local-recipients";

export function CsvUpload({ error }: { error?: string }) {
  const { control, setValue, getValues, formState } = useFormContext<ComposerValues>();
  const fileName = useWatch({ control, name: "recipients.fileName" });
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    setReading(true);
    try {
      const text = decodeRecipientsFile(new Uint8Array(await file.arrayBuffer()));
      const local = readLocalRecipients("csv", text);
      if (local.error !== null) return setProblem(local.error);
      const options = { shouldDirty: true, shouldValidate: formState.isSubmitted };
      setValue("recipients.mapping", mappingForHeader(getValues("recipients.mapping"), local.header), options);
      setValue("recipients.fileName", file.name, options);
      setValue("recipients.text", text, options);
    } catch (err) {
      setProblem(err instanceof RecipientsInputError ? err.message : `Cannot read ${file.name}.`);
    } finally {
      setReading(false);
    }
  };

  const hint = reading
    ? "Reading the file…"
    : fileName
      ? `Current file: ${fileName}. Choose another to replace it.`
      : "A CSV file saved as UTF-8, with a header row; comma or semicolon separated.";
  return (
    <Field id="recipients-file" label="CSV file" hint={hint} error={problem ?? error}>
      <Input type="file" accept=".csv,text/csv,text/plain" className="h-auto py-1.5" onChange={(e) => void read(e.target.files?.[0])} />
    </Field>
  );
}
