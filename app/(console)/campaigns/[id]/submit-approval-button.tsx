"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { callAction } from "@/components/forms/call-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestApprovalAction } from "../../approvals/actions";
import { PENDING_APPROVALS_KEY } from "../../approvals/pending-approvals";

export function SubmitApprovalButton({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    const res = await callAction(() => requestApprovalAction({ campaignId }));
    setBusy(false);
    setError(res.ok ? null : res.error.message);
    if (!res.ok) return;
    void queryClient.invalidateQueries({ queryKey: PENDING_APPROVALS_KEY });
    router.refresh();
  };
  return (
    <div className="grid gap-2">
      <div>
        <Button size="sm" onClick={() => void submit()} disabled={busy} data-testid="submit-for-approval">
          Submit for approval
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
