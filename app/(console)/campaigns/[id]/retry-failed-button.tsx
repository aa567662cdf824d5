"use client";
// Retry failed, for supervisors: shown while the live progress counts failed recipients, confirmed in a dialog.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { retryFailedAction } from "../actions";
import { useCampaignLive } from "./campaign-live-source";
import { recipientsKey } from "./live-api";
import { RetryFailedDialogBody, retryPreviewKey } from "./retry-failed-dialog";

const fmt = (n: number) => n.toLocaleString("en-US");
const recipients = (n: number) => `${fmt(n)} failed ${n === 1 ? "recipient" : "recipients"}`;

export function RetryFailedButton({ campaignId, initialFailed }: { campaignId: string; initialFailed: number }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The page's live figures keep the count (and whether to offer a retry) live.
  const live = useCampaignLive();
  const failed = live.progress?.counts.failed ?? initialFailed;
  const retry = useMutation({
    mutationFn: (includeUnverifiable: boolean) => retryFailedAction({ campaignId, includeUnverifiable }),
    onSuccess: (res) => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: retryPreviewKey(campaignId) });
      if (!res.ok) return setMessage({ ok: false, text: res.error.message });
      const { requeued, heldBack } = res.data;
      const held = heldBack > 0 ? `; ${fmt(heldBack)} held back because Connect no longer remembers their sends` : "";
      setMessage({ ok: true, text: `Queued ${recipients(requeued)} again${held}` });
      live.refetch();
      void queryClient.invalidateQueries({ queryKey: recipientsKey(campaignId) });
      router.refresh();
    },
    onError: () => setMessage({ ok: false, text: "Could not reach the server. Check your connection and try again." }),
  });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {message ? (
        <span
          role={message.ok ? "status" : "alert"}
          data-testid="retry-failed-message"
          className={`text-xs ${message.ok ? "text-muted-foreground" : "text-destructive"}`}
        >
          {message.text}
        </span>
      ) : null}
      {failed > 0 ? (
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button variant="outline" data-testid="retry-failed-button">
              <RotateCcw className="size-4" aria-hidden />
              Retry failed
            </Button>
          </DialogTrigger>
          <DialogContent
            title="Retry failed recipients"
            description="Each keeps its ClientToken, so anyone Amazon Connect did reach in the last 7 days gets the same chat back, not a second one. A completed campaign starts sending again; a paused one stays paused until you resume it."
          >
            {/* Mounted while open only: every opening counts afresh and starts with the held-back rows excluded. */}
            <RetryFailedDialogBody campaignId={campaignId} pending={retry.isPending} onConfirm={(include) => retry.mutate(include)} />
          </DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
