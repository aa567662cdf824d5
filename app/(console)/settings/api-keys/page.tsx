import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { listApiKeys } from "@/lib/api-keys/queries";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/runtime/current";
import { ApiKeysTable } from "./api-keys-table";
import { CreateApiKeyDialog } from "./create-api-key-dialog";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePageUser("admin");
  const keys = await listApiKeys(await getDb());
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for automation: send them as `Authorization: Bearer <key>` to /api/v1. Each key acts with its role (as long as the admin who created it still holds that role), is limited in requests per minute, may expire, and every use is named in the audit log."
        actions={<CreateApiKeyDialog />}
      />
      <ApiKeysTable
        keys={keys.map((k) => ({
          ...k,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
          expiresAt: k.expiresAt?.toISOString() ?? null,
        }))}
      />
    </>
  );
}
