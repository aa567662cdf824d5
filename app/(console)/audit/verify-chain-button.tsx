"use client";
// Asks the server to re-walk the hash chain and says, in words, whether the log is intact.
import { useMutation } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
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

const entries = (n: number) => `${n} ${n === 1 ? "entry" : "entries"}`;

function CheckpointNote({ checkpoint }: { checkpoint: { at: string; count: number } | null }) {
  if (!checkpoint) return null;
  return (
    <>
      , consistent with the checkpoint of <DateTime at={checkpoint.at} seconds /> ({entries(checkpoint.count)})
    </>
  );
}

/** Always mounted, so screen readers announce each new outcome as it replaces the last. */
export function VerifyChainResult({ verify }: { verify: VerifyChainState }) {
  const report = verify.data;
  return (
    <div aria-live="polite" aria-atomic="true">
      {verify.isPending ? <p className="text-sm text-muted-foreground">Verifying the chain…</p> : null}
      {report?.ok ? (
        <Alert tone="success">
          Chain intact: {entries(report.checked)} verified
          <CheckpointNote checkpoint={report.checkpoint} />
        </Alert>
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
