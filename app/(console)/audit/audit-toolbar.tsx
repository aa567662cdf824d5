"use client";
// What the list shows, and the actions on the log as a whole: export the filtered entries, verify the chain.
import { useQueryClient } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { AUDIT_ENTRIES_KEY, exportHref } from "./audit-api";
import { VERIFY_ROLE_NOTE, VerifyChainButton, VerifyChainResult, useVerifyChain } from "./verify-chain-button";

// The export records its own audit entry as the download starts; a browser download gives no completion
// signal, so the list is refreshed shortly after instead.
const EXPORT_REFRESH_MS = 1500;

export function AuditToolbar({ query, canExport, canVerify, status }: { query: string; canExport: boolean; canVerify: boolean; status: string }) {
  const queryClient = useQueryClient();
  const verify = useVerifyChain();
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {status}
        </p>
        <div className="flex flex-wrap gap-2">
          {canExport ? (
            <Button asChild variant="outline">
              <a
                href={exportHref(query)}
                download
                onClick={() => window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: AUDIT_ENTRIES_KEY }), EXPORT_REFRESH_MS)}
              >
                <Download className="size-4" aria-hidden />
                Export CSV
              </a>
            </Button>
          ) : (
            // Filters the server rejects cannot be exported either; fix them first.
            <Button type="button" variant="outline" disabled>
              <Download className="size-4" aria-hidden />
              Export CSV
            </Button>
          )}
          <VerifyChainButton verify={verify} allowed={canVerify} />
        </div>
      </div>
      {canVerify ? null : <p className="text-sm text-muted-foreground">{VERIFY_ROLE_NOTE}</p>}
      <VerifyChainResult verify={verify} />
    </div>
  );
}
