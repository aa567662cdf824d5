import "server-only";
// Where a campaign's recipients come from: a stored upload named by id, or the text given with the campaign.
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { RecipientsInputError } from "@/lib/recipients/input-error";
import { getUpload } from "@/lib/uploads/queries";
import { sha256Hex } from "./fingerprint";
import type { CampaignConfig } from "./schemas";

export interface RecipientSource {
  format: "csv" | "paste";
  text: string;
  fileName: string | null;
  /** Set when the list is a stored upload; the draft then keeps the id, not the text. */
  uploadId: string | null;
  contentSha256: string;
  /** Rows the list holds, when known before reading it (an upload counted them once). */
  rowCount: number | null;
}

export const UPLOAD_GONE_MESSAGE = "The uploaded list is gone; upload it again";

export async function resolveRecipientSource(db: Db, recipients: CampaignConfig["recipients"], maxBytes: number): Promise<RecipientSource> {
  if (recipients.uploadId !== undefined) {
    const upload = await getUpload(db, recipients.uploadId);
    if (!upload) throw new UserFacingError("invalid", UPLOAD_GONE_MESSAGE, { "recipients.text": UPLOAD_GONE_MESSAGE });
    return {
      // The upload was read as what it is; a form that still says otherwise is behind.
      format: upload.format === "paste" ? "paste" : "csv",
      text: upload.content,
      fileName: upload.fileName ?? recipients.fileName ?? null,
      uploadId: upload.id,
      contentSha256: upload.sha256,
      rowCount: upload.rowCount,
    };
  }
  const text = recipients.text ?? "";
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxBytes) {
    throw new RecipientsInputError(`The recipients are ${(bytes / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB.`, undefined, {
      "recipients.text": "Too large",
    });
  }
  return { format: recipients.format, text, fileName: recipients.fileName ?? null, uploadId: null, contentSha256: sha256Hex(text), rowCount: null };
}
