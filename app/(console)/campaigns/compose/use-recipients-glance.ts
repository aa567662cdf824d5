// The composer's look at its recipients (local-recipients.ts), loading the CSV reader the first time the form holds a
// CSV as text, and saying so while it loads or if it could not be loaded.
import { useEffect, useMemo, useState } from "react";
import { glanceAtRecipients, needsCsvReader, type CsvReader, type RecipientsGlance } from "./local-recipients";
import type { RecipientUploadInfo } from "./upload-file";

export type CsvReading = "loading" | "failed" | null;

const EMPTY: RecipientsGlance = { local: { header: [], rows: 0, sample: [], error: null }, first: null };

let loaded: CsvReader | null = null;

export function useRecipientsGlance(
  recipients: { format: "paste" | "csv"; text?: string; uploadId?: string },
  upload: RecipientUploadInfo | null,
): { glance: RecipientsGlance; reading: CsvReading; retry: () => void } {
  const [reader, setReader] = useState<CsvReader | null>(loaded);
  const [failed, setFailed] = useState(false);
  const needed = needsCsvReader(recipients) && reader === null;

  useEffect(() => {
    if (!needed || failed) return;
    let current = true;
    import("./csv-reader").then(
      (m) => {
        loaded = m.csvReader;
        if (current) setReader(m.csvReader);
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [needed, failed]);

  const { format, text, uploadId } = recipients;
  const glance = useMemo(() => glanceAtRecipients({ format, text, uploadId }, upload, reader) ?? EMPTY, [format, text, uploadId, upload, reader]);
  return {
    glance,
    reading: needed ? (failed ? "failed" : "loading") : null,
    // Clearing the failure runs the effect again.
    retry: () => setFailed(false),
  };
}
