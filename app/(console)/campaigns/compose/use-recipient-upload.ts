// The composer's uploaded list: sending a chosen file (with its progress and Cancel), and the details of the list the
// form names by uploadId, fetched once when a saved draft is reopened. Lives with the form, not the file field, so
// the mapping, message and settings sections see the header too.
import { useCallback, useEffect, useRef, useState } from "react";
import { useWatch } from "react-hook-form";
import { mappingForHeader } from "./column-mapping";
import { fetchUploadInfo, uploadRecipientsFile, type RecipientUploadInfo } from "./upload-file";
import type { ComposerForm } from "./use-composer-actions";

export interface Sending {
  fileName: string;
  sent: number;
  total: number;
}

export interface RecipientUpload {
  /** The details of the list the form names, once known. */
  info: RecipientUploadInfo | null;
  /** A file on its way; null otherwise. */
  sending: Sending | null;
  /** Why the last upload or look-up failed, in the server's words when it gave them. */
  problem: string | null;
  /** Said after a cancelled upload. */
  note: string | null;
  start: (file: File) => Promise<void>;
  cancel: () => void;
}

export function useRecipientUpload(form: ComposerForm): RecipientUpload {
  const uploadId = useWatch({ control: form.control, name: "recipients.uploadId" });
  const [known, setKnown] = useState<RecipientUploadInfo | null>(null);
  const [sending, setSending] = useState<Sending | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  // A reopened draft names its list by id only: the header for the mapping and the row count come from the server.
  useEffect(() => {
    if (!uploadId || known?.id === uploadId) return;
    const controller = new AbortController();
    void fetchUploadInfo(uploadId, { signal: controller.signal }).then((res) => {
      if (res.ok) setKnown(res.data);
      else if (!res.cancelled) setProblem(res.error.message);
    });
    return () => controller.abort();
  }, [uploadId, known?.id]);

  // Leaving the composer stops an upload nobody will use.
  useEffect(() => () => inFlight.current?.abort(), []);

  const cancel = useCallback(() => inFlight.current?.abort(), []);

  const start = useCallback(
    async (file: File) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setProblem(null);
      setNote(null);
      setSending({ fileName: file.name, sent: 0, total: file.size });
      const res = await uploadRecipientsFile(file, {
        signal: controller.signal,
        onProgress: (sent, total) => setSending({ fileName: file.name, sent, total }),
      });
      // A newer choice replaced this one: its own ending speaks for it.
      if (inFlight.current !== controller) return;
      inFlight.current = null;
      setSending(null);
      if (!res.ok) {
        if (res.cancelled) setNote(form.getValues("recipients.uploadId") ? "Upload cancelled; the previous file is kept." : "Upload cancelled.");
        else setProblem(res.error.message);
        return;
      }
      const upload = res.data;
      setKnown(upload);
      const options = { shouldDirty: true };
      // The id first: with no text and no id, the form would briefly have no recipients at all.
      form.setValue("recipients.uploadId", upload.id, options);
      form.setValue("recipients.text", "", options);
      form.setValue("recipients.fileName", upload.fileName ?? file.name, options);
      form.setValue("recipients.mapping", mappingForHeader(form.getValues("recipients.mapping"), upload.header), options);
      form.clearErrors(["recipients.text", "recipients.uploadId", "recipients.mapping"]);
      if (form.formState.isSubmitted) void form.trigger("recipients");
    },
    [form],
  );

  return { info: known?.id === uploadId ? known : null, sending, problem, note, start, cancel };
}
