"use client";
// Approve, or Reject with the comment the author will read. The server decides who may: the author is refused.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { callAction } from "@/components/forms/call-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Textarea } from "@/components/ui/input";
import { approveAction, rejectAction } from "./actions";
import { PENDING_APPROVALS_KEY } from "./pending-approvals";

export function DecisionButtons({ campaignId, campaignName }: { campaignId: string; campaignName: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [rejecting, setRejecting] = useState(false);

  const decide = async (kind: "approve" | "reject") => {
    setBusy(true);
    setError(null);
    const res = await callAction(() => (kind === "approve" ? approveAction({ campaignId }) : rejectAction({ campaignId, comment })));
    setBusy(false);
    if (!res.ok) return setError(res.error.fields?.comment ?? res.error.message);
    setRejecting(false);
    void queryClient.invalidateQueries({ queryKey: PENDING_APPROVALS_KEY });
    router.refresh();
  };

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => void decide("approve")} disabled={busy} data-testid={`approve-${campaignId}`}>
          Approve
        </Button>
        <Dialog open={rejecting} onOpenChange={(o) => (setRejecting(o), setError(null))}>
          <DialogTrigger asChild>
            <Button size="sm" variant="outline" disabled={busy} data-testid={`reject-${campaignId}`}>
              Reject…
            </Button>
          </DialogTrigger>
          <DialogContent
            title={`Reject "${campaignName}"`}
            description="The author sees your comment on the campaign page, and may edit the draft and submit it again."
          >
            <label className="grid gap-1 text-sm">
              <span>Why?</span>
              <Textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={3} aria-label="Reason for rejecting" />
            </label>
            {error && rejecting ? <Alert tone="error">{error}</Alert> : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="ghost">Keep waiting</Button>
              </DialogClose>
              <Button variant="destructive" onClick={() => void decide("reject")} disabled={busy} data-testid="reject-confirm">
                Reject
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      </div>
      {error && !rejecting ? (
        <Alert tone="error" data-testid="approval-error">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
