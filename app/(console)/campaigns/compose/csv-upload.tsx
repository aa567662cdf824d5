"use client";
// Choosing a file sends it to the server at once, with a progress bar and Cancel; the server reads it (UTF-8, size,
// row limit, header) and answers with its header, so the columns can be mapped. The browser never reads the file.
import { useEffect } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import type { ComposerValues } from "./form-values";
import { uploadText } from "./progress-text";
import type { RecipientUpload } from "./use-recipient-upload";

export function CsvUpload({ upload, error }: { upload: RecipientUpload; error?: string }) {
  const { control } = useFormContext<ComposerValues>();
  const fileName = useWatch({ control, name: "recipients.fileName" });
  const { sending, cancel } = upload;

  // Switching to pasted recipients unmounts this field: an upload still running would only replace the pasted list.
  useEffect(() => () => cancel(), [cancel]);

  const hint = sending
    ? `Uploading ${sending.fileName}…`
    : (upload.note ??
      (fileName ? `Current file: ${fileName}. Choose another to replace it.` : "A CSV file saved as UTF-8, with a header row; comma or semicolon separated."));
  return (
    <div className="grid gap-2">
      <Field id="recipients-file" label="CSV file" hint={hint} error={upload.problem ?? error}>
        <Input
          type="file"
          accept=".csv,text/csv,text/plain"
          className="h-auto py-1.5"
          disabled={sending !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that choosing the same file again (after a cancel or a fix) uploads it again.
            e.target.value = "";
            if (file) void upload.start(file);
          }}
        />
      </Field>
      {sending ? <UploadProgress sending={sending} onCancel={cancel} /> : null}
    </div>
  );
}

function UploadProgress({ sending, onCancel }: { sending: NonNullable<RecipientUpload["sending"]>; onCancel: () => void }) {
  // Once every byte is sent the server still reads and stores the file; the bar cannot say how long that takes.
  const sent = sending.total > 0 && sending.sent >= sending.total;
  const text = sent ? "File sent; the server is reading it…" : uploadText(sending.sent, sending.total);
  return (
    <div className="grid gap-2 rounded-md border border-border p-3 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center">
      <div className="grid min-w-0 gap-1.5">
        <Progress label={`Uploading ${sending.fileName}`} value={sent ? null : sending.sent} max={sending.total} valueText={text} />
        <p className="text-xs text-muted-foreground tabular-nums">{text}</p>
      </div>
      <Button type="button" variant="outline" size="sm" onClick={onCancel} className="justify-self-start">
        Cancel upload
      </Button>
    </div>
  );
}
