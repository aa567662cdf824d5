import "server-only";
// Reading stored recipient uploads. lib/uploads/store.ts is the only writer of recipient_uploads.
import { eq } from "drizzle-orm";
import { recipientUploads, type RecipientUpload } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

/** An upload's details without its content: what a composer shows for a chosen file. */
export type UploadSummary = Omit<RecipientUpload, "content">;

/** The columns of an upload but its content. */
export const summaryColumns = {
  id: recipientUploads.id,
  createdBy: recipientUploads.createdBy,
  format: recipientUploads.format,
  fileName: recipientUploads.fileName,
  byteSize: recipientUploads.byteSize,
  rowCount: recipientUploads.rowCount,
  header: recipientUploads.header,
  sample: recipientUploads.sample,
  sha256: recipientUploads.sha256,
  createdAt: recipientUploads.createdAt,
};

export async function getUploadSummary(db: Db, id: string): Promise<UploadSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(recipientUploads).where(eq(recipientUploads.id, id));
  return row;
}

export async function getUpload(db: Db, id: string): Promise<RecipientUpload | undefined> {
  const [row] = await db.select().from(recipientUploads).where(eq(recipientUploads.id, id));
  return row;
}
