"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { callAction } from "@/components/forms/call-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestApprovalAction } from "../../approvals/actions";

export function SubmitApprovalButton({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    const res = await callAction(() => requestApprovalAction({ campaignId }));
    setBusy(false);
    setError(res.ok ? null : res.error.message);
    if (res.ok) router.refresh();
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
