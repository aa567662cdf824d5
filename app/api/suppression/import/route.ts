// Imports run here rather than as a bound server action: a 100,000-row file is larger than the 1 MB a server
// action body may be. The request runs the same registered action, so role, input schema and audit are the same.
import { runAction } from "@/lib/actions/safe-action";
import { apiRoute } from "@/lib/api/route";
import { HTTP_STATUS, UserFacingError } from "@/lib/errors";
import { decodeRecipientsFile } from "@/lib/recipients/decode";
import { importSuppressions } from "@/lib/suppression/actions";
import { MAX_IMPORT_BYTES } from "@/lib/suppression/schemas";

const tooLarge = () =>
  new UserFacingError("invalid", "The file is larger than 16 MB: split it into smaller files", {
    file: "The file is larger than 16 MB: split it into smaller files",
  });

/** The file's text, refusing anything that is not UTF-8 rather than importing mangled numbers. */
async function fileText(file: File): Promise<string> {
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
  try {
    return decodeRecipientsFile(new Uint8Array(await file.arrayBuffer()), { maxBytes: MAX_IMPORT_BYTES });
  } catch (err) {
    // Its messages say how to fix the file; they belong next to the file field.
    if (err instanceof UserFacingError) throw new UserFacingError("invalid", err.message, { file: err.message });
    throw err;
  }
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

export const POST = apiRoute("supervisor", async ({ req, user, db, actor }) => {
  // Multipart overhead on top of the file itself is small; a body far beyond the limit is not read at all.
  if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) throw tooLarge();
  const form = await req.formData().catch(() => {
    throw new UserFacingError("invalid", "Send the import as a form with a CSV file or numbers, one per line");
  });
  const file = form.get("file");
  const input = {
    csvText: file instanceof File && file.size > 0 ? await fileText(file) : undefined,
    lines: text(form, "lines"),
    defaultCountry: text(form, "defaultCountry"),
    reason: text(form, "reason"),
  };
  const meta = { requestId: actor.requestId ?? "", ip: actor.ip ?? null, userAgent: actor.userAgent ?? null };
  const res = await runAction(importSuppressions, input, { user, db, meta });
  if (!res.ok) return Response.json({ error: res.error }, { status: HTTP_STATUS[res.error.code], headers: { "x-request-id": meta.requestId } });
  return Response.json(res.data, { headers: { "cache-control": "no-store" } });
});
