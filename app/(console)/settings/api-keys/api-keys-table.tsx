"use client";
// The API keys, each revocable from its row's action menu. Revoking asks first and says it cannot be undone, so its
// toast offers no Undo.
import { useRouter } from "next/navigation";
import { ActionMenu } from "@/components/ui/action-menu";
import { Badge } from "@/components/ui/badge";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { relativeWords } from "@/components/ui/date-time-words";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast-store";
import { ROLE_LABEL, type Role } from "@/lib/auth/roles";
import { revokeApiKeyAction } from "./actions";

interface KeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
}

const isExpired = (k: KeyRow) => k.expiresAt !== null && new Date(k.expiresAt).getTime() <= Date.now();

export function ApiKeysTable({ keys }: { keys: KeyRow[] }) {
  const router = useRouter();
  const confirm = useConfirm();
  const revoke = (k: KeyRow) =>
    confirm.ask({
      title: `Revoke the key "${k.name}"?`,
      body:
        `Anything using it is refused from its next request${k.lastUsedAt ? ` (it was last used ${relativeWords(new Date(k.lastUsedAt), new Date())})` : " (it has never been used)"}. ` +
        "This cannot be undone: a revoked key never works again.",
      confirmLabel: "Revoke key",
      pendingLabel: "Revoking…",
      action: () => revokeApiKeyAction({ keyId: k.id }),
      onDone: () => {
        router.refresh();
        toast(`Revoked the key "${k.name}"`);
      },
    });
  if (keys.length === 0) return <p className="text-sm text-muted-foreground">No API keys yet.</p>;
  return (
    <div className="grid gap-3">
      {confirm.dialog}
      <Table aria-label="API keys">
        <THead>
          <tr>
            <TH>Name</TH>
            <TH>Key</TH>
            <TH>Role</TH>
            <TH>Created</TH>
            <TH>Last used</TH>
            <TH>Expires</TH>
            <TH>Status</TH>
            <TH className="text-right">Actions</TH>
          </tr>
        </THead>
        <TBody>
          {keys.map((k) => (
            <TR key={k.id} data-testid={`api-key-${k.name}`}>
              <TD className="font-medium">{k.name}</TD>
              <TD className="font-mono text-xs">{k.prefix}_…</TD>
              <TD>{ROLE_LABEL[k.role]}</TD>
              <TD className="whitespace-nowrap text-muted-foreground">
                <DateTime at={k.createdAt} />
              </TD>
              <TD className="whitespace-nowrap text-muted-foreground">
                <DateTime at={k.lastUsedAt} relative empty="Never" />
              </TD>
              <TD className="whitespace-nowrap text-muted-foreground">
                <DateTime at={k.expiresAt} empty="No expiry" />
              </TD>
              <TD>
                {k.revokedAt ? (
                  <Badge tone="danger">Revoked</Badge>
                ) : isExpired(k) ? (
                  <Badge tone="warning">Expired</Badge>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </TD>
              <TD className="text-right">
                {/* A revoked or expired key has nothing left to do: it never works again. */}
                {k.revokedAt || isExpired(k) ? null : (
                  <ActionMenu
                    label={`Actions for the key ${k.name}`}
                    testId={`api-key-actions-${k.name}`}
                    items={[{ label: "Revoke key…", destructive: true, onSelect: () => revoke(k) }]}
                  />
                )}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
