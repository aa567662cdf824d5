"use client";
// Who gets the campaign: pasted lines or an uploaded CSV, then which column means what.
import { useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useNumbers } from "@/components/connect/connect-queries";
import { ColumnMappingFields } from "./column-mapping-fields";
import { CsvUpload } from "./csv-upload";
import { formatCount } from "./format";
import type { ComposerValues, MappingValue } from "./form-values";
import type { LocalRecipients } from "./local-recipients";
import { uploadSummary } from "./progress-text";
import type { RecipientUpload } from "./use-recipient-upload";
import type { CsvReading } from "./use-recipients-glance";

type Format = ComposerValues["recipients"]["format"];
type Source = { text?: string; uploadId?: string; fileName?: string; mapping: MappingValue };

const FRESH: Record<Format, Source> = {
  paste: { text: "", mapping: { phoneColumn: "phone", nameColumn: "name", attributeColumns: {}, variableColumns: {} } },
  csv: { text: "", mapping: { phoneColumn: "", attributeColumns: {}, variableColumns: {} } },
};

interface Props {
  local: LocalRecipients;
  upload: RecipientUpload;
  /** The CSV reader for a list kept as text: loading, or could not be loaded. */
  reading: CsvReading;
  onRetryReading: () => void;
}

export function RecipientsSection({ local, upload, reading, onRetryReading }: Props) {
  const { control, register, setValue, getValues, formState } = useFormContext<ComposerValues>();
  const [format, uploadId, fileName] = useWatch({ control, name: ["recipients.format", "recipients.uploadId", "recipients.fileName"] });
  const errors = formState.errors.recipients;
  const [instanceId, arn, defaultCountry, channel] = useWatch({
    control,
    name: ["instanceId", "sourcePhoneNumberArn", "recipients.defaultCountry", "channel"],
  });
  const sourceCountry = useNumbers(instanceId).data?.numbers.find((n) => n.arn === arn)?.countryCode;
  const countryHint = defaultCountryHint(defaultCountry ?? "", sourceCountry, channel);
  // Switching between paste and upload keeps the other source (an upload by its id), so a misclick loses nothing.
  const [kept, setKept] = useState<Partial<Record<Format, Source>>>({});

  const switchTo = (next: Format) => {
    if (next === format) return;
    const current = getValues("recipients");
    setKept((k) => ({ ...k, [format]: { text: current.text, uploadId: current.uploadId, fileName: current.fileName, mapping: current.mapping } }));
    const source = kept[next] ?? FRESH[next];
    setValue(
      "recipients",
      { ...current, format: next, text: source.text, uploadId: source.uploadId, fileName: source.fileName, mapping: source.mapping },
      { shouldDirty: true },
    );
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Recipients</CardTitle>
        <CardDescription>Each recipient gets one chat. Check recipients to see which numbers are valid, duplicated or suppressed.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Recipients source</legend>
          <div className="flex gap-4">
            {(
              [
                ["paste", "Paste recipients"],
                ["csv", "Upload CSV"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input type="radio" name="recipients-format" value={value} checked={format === value} onChange={() => switchTo(value)} />
                {label}
              </label>
            ))}
          </div>
        </fieldset>

        {format === "paste" ? (
          <Field id="recipients-text" label="Recipients" hint="One per line: phone,name — for example +14255550100,Jane Doe" error={errors?.text?.message}>
            <Textarea rows={8} spellCheck={false} className="font-mono" {...register("recipients.text")} />
          </Field>
        ) : (
          <CsvUpload upload={upload} error={errors?.uploadId?.message ?? errors?.text?.message} />
        )}

        {reading === "loading" ? (
          <p role="status" className="text-sm text-muted-foreground">
            Reading the list…
          </p>
        ) : null}
        {reading === "failed" ? (
          <Alert tone="error" className="grid gap-2">
            <p>The list could not be read here: part of the page did not load. Check the connection and try again.</p>
            <div>
              <Button type="button" variant="outline" size="sm" onClick={onRetryReading}>
                Try again
              </Button>
            </div>
          </Alert>
        ) : null}
        {local.rows > 0 ? (
          <p role="status" className="text-sm break-words text-muted-foreground">
            {format === "csv" && uploadId
              ? uploadSummary(fileName || "Uploaded file", local.rows, local.header.length)
              : `${formatCount(local.rows)} ${local.rows === 1 ? "row" : "rows"} found${format === "csv" ? `, ${local.header.length} columns` : ""}`}
            . Check recipients to see which are valid.
          </p>
        ) : null}

        {local.header.length > 0 ? <ColumnMappingFields header={local.header} sample={local.sample} /> : null}

        <Field id="recipients-default-country" label="Default country" hint={countryHint} error={errors?.defaultCountry?.message}>
          <Input className="w-24 uppercase" maxLength={2} autoComplete="off" {...register("recipients.defaultCountry")} />
        </Field>
      </CardContent>
    </Card>
  );
}

/** What the default country does, and where it came from. */
function defaultCountryHint(value: string, sourceCountry: string | undefined, channel: ComposerValues["channel"]): string {
  const what = "The country of numbers written without a country code (two letters, e.g. US).";
  const code = value.trim().toUpperCase();
  const sms = channel === "sms" && sourceCountry ? ` SMS from this number reaches ${sourceCountry} numbers only.` : "";
  if (code === "") return `${what} None set: such numbers are invalid.${sms}`;
  if (sourceCountry && code === sourceCountry) return `${what} Set from the source number's country; change it if the list is from elsewhere.${sms}`;
  return `${what}${sms}`;
}
