"use client";
// Retry failed, for supervisors: shown while the live progress counts failed recipients, confirmed in a dialog.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { retryFailedAction } from "../actions";
import { fetchProgress, progressKey, recipientsKey } from "./recipients-api";

const fmt = (n: number) => n.toLocaleString("en-US");

export function RetryFailedButton({ campaignId, initialFailed }: { campaignId: string; initialFailed: number }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // CampaignLive polls this key; reading it here keeps the count (and whether to offer a retry) live.
  const progress = useQuery({ queryKey: progressKey(campaignId), queryFn: ({ signal }) => fetchProgress(campaignId, signal), enabled: false });
  const failed = progress.data?.progress.counts.failed ?? initialFailed;
  const retry = useMutation({
    mutationFn: () => retryFailedAction({ campaignId }),
    onSuccess: (res) => {
      setOpen(false);
      if (!res.ok) return setMessage({ ok: false, text: res.error.message });
      setMessage({ ok: true, text: `Queued ${fmt(res.data.requeued)} failed ${res.data.requeued === 1 ? "recipient" : "recipients"} again` });
      void queryClient.invalidateQueries({ queryKey: progressKey(campaignId) });
      void queryClient.invalidateQueries({ queryKey: recipientsKey(campaignId) });
      router.refresh();
    },
    onError: () => setMessage({ ok: false, text: "Could not reach the server. Check your connection and try again." }),
  });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={`text-xs ${message.ok ? "text-muted-foreground" : "text-destructive"}`}>
          {message.text}
        </span>
      ) : null}
      {failed > 0 ? (
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button variant="outline">
              <RotateCcw className="size-4" aria-hidden />
              Retry failed
            </Button>
          </DialogTrigger>
          <DialogContent
            title="Retry failed recipients"
            description={`${fmt(failed)} ${failed === 1 ? "recipient" : "recipients"} will be queued and sent again. Each keeps its ClientToken, so anyone Amazon Connect did reach gets the same chat back, not a second one. A completed campaign starts sending again; a paused one stays paused until you resume it.`}
          >
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="ghost">Keep as is</Button>
              </DialogClose>
              <Button onClick={() => retry.mutate()} disabled={retry.isPending} aria-busy={retry.isPending || undefined}>
                Retry {fmt(failed)} {failed === 1 ? "recipient" : "recipients"}
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      ) : null}
    </div>
  );
}
