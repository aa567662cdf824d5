"use client";
// Asks the server to re-walk the hash chain and says, in words, whether the log is intact.
import { useMutation } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyChain } from "./audit-api";

export const VERIFY_ROLE_NOTE = "Only supervisors and admins can verify the chain: a full check reads the whole log.";

// The check is not itself an audit entry (it goes to the server log and a checkpoint), so the list stays as it was.
export function useVerifyChain() {
  return useMutation({ mutationFn: verifyChain });
}

export type VerifyChainState = ReturnType<typeof useVerifyChain>;

export function VerifyChainButton({ verify, allowed }: { verify: VerifyChainState; allowed: boolean }) {
  return (
    <Button
      type="button"
      variant="outline"
      onClick={() => verify.mutate()}
      disabled={!allowed || verify.isPending}
      title={allowed ? undefined : VERIFY_ROLE_NOTE}
      aria-busy={verify.isPending || undefined}
    >
      <ShieldCheck className="size-4" aria-hidden />
      Verify chain
    </Button>
  );
}

function checkpointNote(checkpoint: { at: string; count: number } | null): string {
  if (!checkpoint) return "";
  return `, consistent with the checkpoint of ${new Date(checkpoint.at).toLocaleString()} (${checkpoint.count} ${checkpoint.count === 1 ? "entry" : "entries"})`;
}

/** Always mounted, so screen readers announce each new outcome as it replaces the last. */
export function VerifyChainResult({ verify }: { verify: VerifyChainState }) {
  const report = verify.data;
  return (
    <div aria-live="polite" aria-atomic="true">
      {verify.isPending ? <p className="text-sm text-muted-foreground">Verifying the chain…</p> : null}
      {report?.ok ? (
        <Alert tone="success">{`Chain intact: ${report.checked} ${report.checked === 1 ? "entry" : "entries"} verified${checkpointNote(report.checkpoint)}`}</Alert>
      ) : null}
      {report && !report.ok ? (
        <Alert tone="error">
          {report.brokenAt === null ? `Verification failed: ${report.reason}` : `Chain broken at entry #${report.brokenAt}: ${report.reason}`}
        </Alert>
      ) : null}
      {verify.error ? <Alert tone="error">{`Could not verify the chain: ${verify.error.message}`}</Alert> : null}
    </div>
  );
}
