"use client";
// Asks the server to re-walk the hash chain and says, in words, whether the log is intact.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AUDIT_ENTRIES_KEY, verifyChain } from "./audit-api";

export function useVerifyChain() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyChain,
    // The check is itself audited, so the list now has a newer entry to show.
    onSettled: () => queryClient.invalidateQueries({ queryKey: AUDIT_ENTRIES_KEY }),
  });
}

export type VerifyChainState = ReturnType<typeof useVerifyChain>;

export function VerifyChainButton({ verify }: { verify: VerifyChainState }) {
  return (
    <Button type="button" variant="outline" onClick={() => verify.mutate()} disabled={verify.isPending} aria-busy={verify.isPending || undefined}>
      <ShieldCheck className="size-4" aria-hidden />
      Verify chain
    </Button>
  );
}

/** Always mounted, so screen readers announce each new outcome as it replaces the last. */
export function VerifyChainResult({ verify }: { verify: VerifyChainState }) {
  const report = verify.data;
  return (
    <div aria-live="polite" aria-atomic="true">
      {verify.isPending ? <p className="text-sm text-muted-foreground">Verifying the chain…</p> : null}
      {report?.ok ? <Alert tone="success">{`Chain intact: ${report.checked} ${report.checked === 1 ? "entry" : "entries"} verified`}</Alert> : null}
      {report && !report.ok ? <Alert tone="error">{`Chain broken at entry #${report.brokenAt}: ${report.reason}`}</Alert> : null}
      {verify.error ? <Alert tone="error">{`Could not verify the chain: ${verify.error.message}`}</Alert> : null}
    </div>
  );
}
