import "server-only";
// The handlers behind POST /api/recipient-uploads and GET /api/recipient-uploads/{id}, and their /api/v1 twins: the
// console's composer and the automation API upload a list the same way.
import { z } from "zod";
import type { RouteContext } from "@/lib/api/route";
import { env } from "@/lib/env";
import { errorSummary, UserFacingError } from "@/lib/errors";
import { decodeRecipientsFile } from "@/lib/recipients/decode";
import { logEvent } from "@/lib/log/event";
import { sanitizeFileName } from "./file-name";
import { readListShape } from "./list-shape";
import { getUploadSummary } from "./queries";
import { readRequestFile } from "./request-file";
import { createUpload, sweepUnusedUploads, UNUSED_UPLOAD_HOURS, uploadView } from "./store";
import { ContentTooLargeError } from "./too-large";

const formatSchema = z.enum(["csv", "paste"], { error: "format must be csv or paste" });

export async function postRecipientUpload({ req, db, user, actor }: RouteContext<"supervisor">): Promise<Response> {
  try {
    const url = new URL(req.url);
    const maxBytes = env().RECIPIENTS_MAX_MB * 1024 * 1024;
    // Checked before the body is read: a wrong format should not cost the client a 15 MB upload.
    const queryFormat = url.searchParams.get("format");
    if (queryFormat !== null) parseFormat(queryFormat);
    const file = await readRequestFile(req, maxBytes);
    const format = parseFormat(queryFormat ?? file.format ?? "csv");
    const text = decodeRecipientsFile(file.bytes, { maxBytes });
    const shape = await readListShape(format, text, req.signal).catch((err: unknown) => {
      if (req.signal.aborted) throw new UserFacingError("invalid", "The upload was cancelled before the list was read.");
      throw err;
    });
    const fileName = sanitizeFileName(url.searchParams.get("fileName") ?? file.fileName);
    const upload = await createUpload(db, actor, user, { format, fileName, text, rowCount: shape.rowCount, header: shape.header, sample: shape.sample });
    await sweepUnusedUploads(db, new Date(Date.now() - UNUSED_UPLOAD_HOURS * 3_600_000)).catch((err: unknown) => {
      // Housekeeping only: the upload is stored, and the next upload sweeps again.
      logEvent({ level: "warn", event: "upload_sweep_failed", error: errorSummary(err) });
    });
    return Response.json({ upload: uploadView(upload) }, { status: 201 });
  } catch (err) {
    if (err instanceof ContentTooLargeError) {
      return Response.json({ error: { code: err.code, message: err.message } }, { status: err.status, headers: { "x-request-id": actor.requestId ?? "" } });
    }
    throw err;
  }
}

function parseFormat(value: string): "csv" | "paste" {
  const parsed = formatSchema.safeParse(value);
  if (!parsed.success) throw new UserFacingError("invalid", "format must be csv or paste", { format: "format must be csv or paste" });
  return parsed.data;
}

export async function getRecipientUpload({ db, params }: RouteContext<"viewer">): Promise<Response> {
  const id = z.uuid().safeParse(params.id);
  const summary = id.success ? await getUploadSummary(db, id.data) : undefined;
  if (!summary) throw new UserFacingError("not_found", "Unknown recipient upload: upload the list again");
  return Response.json({ upload: uploadView(summary) });
}
