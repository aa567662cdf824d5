import "server-only";
// The only writer of recipient_uploads: a list is stored once, with what was learnt reading it, and named by its id
// from then on, so a million rows never travel inside a draft's body again.
import { createHash } from "node:crypto";
import { and, eq, lt, notExists } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import type { AuditActor } from "@/lib/audit/context";
import { recordAudit } from "@/lib/audit/record";
import { apiKeys, campaignSources, recipientUploads } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { RefusalError } from "@/lib/errors";
import { summaryColumns, type UploadSummary } from "./queries";

export type { UploadSummary };

export interface NewUpload {
  format: "csv" | "paste";
  fileName: string | null;
  text: string;
  rowCount: number;
  header: string[];
  /** The first rows' cells (see list-shape.ts); none for uploads stored before samples were kept. */
  sample?: string[][];
}

/** An upload as the API answers it: never the content. */
export function uploadView(summary: UploadSummary) {
  return {
    id: summary.id,
    format: summary.format,
    fileName: summary.fileName,
    bytes: summary.byteSize,
    rows: summary.rowCount,
    header: summary.header as string[],
    sample: summary.sample ?? [],
    sha256: summary.sha256,
    createdAt: summary.createdAt.toISOString(),
  };
}

export type UploadView = ReturnType<typeof uploadView>;

/**
 * The user an upload belongs to. An API key acts under its own id, which is not a user; the upload is kept under the
 * user who created the key, while the audit entry names the key itself.
 */
async function ownerId(db: Db, user: SessionUser): Promise<string> {
  const keyId = (user as SessionUser & { keyId?: string }).keyId;
  if (!keyId) return user.id;
  const [key] = await db.select({ createdBy: apiKeys.createdBy }).from(apiKeys).where(eq(apiKeys.id, keyId));
  if (!key) throw new RefusalError("unauthenticated", "This API key is unknown or has been revoked", "key_unknown", { keyId });
  return key.createdBy;
}

export async function createUpload(db: Db, actor: AuditActor, user: SessionUser, upload: NewUpload): Promise<UploadSummary> {
  const createdBy = await ownerId(db, user);
  const byteSize = Buffer.byteLength(upload.text, "utf8");
  const sha256 = createHash("sha256").update(upload.text, "utf8").digest("hex");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(recipientUploads)
      .values({
        createdBy,
        format: upload.format,
        fileName: upload.fileName,
        byteSize,
        rowCount: upload.rowCount,
        header: upload.header,
        sample: upload.sample ?? null,
        sha256,
        content: upload.text,
      })
      .returning(summaryColumns);
    await recordAudit(tx, actor, {
      action: "recipients.uploaded",
      targetType: "recipient_upload",
      targetId: row!.id,
      diff: { format: upload.format, fileName: upload.fileName, rows: upload.rowCount, bytes: byteSize },
    });
    return row!;
  });
}

/** How long an upload no draft uses is kept: long enough to finish a composer left open over lunch. */
export const UNUSED_UPLOAD_HOURS = 24;

/** Deletes uploads older than the cutoff that no campaign names; answers how many went. */
export async function sweepUnusedUploads(db: Db, olderThan: Date): Promise<number> {
  const used = db.select({ one: campaignSources.campaignId }).from(campaignSources).where(eq(campaignSources.uploadId, recipientUploads.id));
  const deleted = await db
    .delete(recipientUploads)
    .where(and(lt(recipientUploads.createdAt, olderThan), notExists(used)))
    .returning({ id: recipientUploads.id });
  return deleted.length;
}
