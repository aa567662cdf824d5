"use client";
// The body of the Retry failed dialog: how many rows a retry sends, and the rows it holds back unless the user
// explicitly includes them (their outcome is unknown and Connect may have forgotten their ClientTokens). A dialog of its
// own rather than the shared confirmation, since the count and the button's label follow the box; it keeps the same
// parts and button order.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose } from "@/components/ui/dialog";
import type { RetrySafety } from "@/lib/campaigns/retry-safety";

export const retryPreviewKey = (campaignId: string) => ["campaign-retry-preview", campaignId] as const;

type RetryPreview = RetrySafety & { windowDays: number };

const fmt = (n: number) => n.toLocaleString("en-US");
const recipients = (n: number) => `${fmt(n)} ${n === 1 ? "recipient" : "recipients"}`;

export function RetryFailedDialogBody({
  campaignId,
  pending,
  onConfirm,
}: {
  campaignId: string;
  pending: boolean;
  onConfirm: (includeUnverifiable: boolean) => void;
}) {
  const [include, setInclude] = useState(false);
  const preview = useQuery({
    queryKey: retryPreviewKey(campaignId),
    queryFn: ({ signal }) => fetchJson<{ preview: RetryPreview }>(`/api/campaigns/${campaignId}/retry-preview`, signal).then((b) => b.preview),
    staleTime: 0,
  });
  const p = preview.data;
  const unverifiable = p?.unverifiable ?? 0;
  const willRetry = p ? p.failed - (include ? 0 : unverifiable) : null;

  return (
    <div className="grid gap-4" data-testid="retry-failed-dialog">
      {preview.isPending ? <p className="text-sm text-muted-foreground">Counting failed recipients…</p> : null}
      {preview.isError ? (
        <Alert tone="error">
          Could not count the failed recipients ({preview.error.message}). A retry still holds back any send Amazon Connect may no longer recognise.
        </Alert>
      ) : null}
      {p ? (
        <p className="text-sm" data-testid="retry-failed-count">
          {willRetry === 0
            ? "No recipient will be queued unless you include the ones held back below."
            : `${recipients(willRetry!)} will be queued and sent again.`}
        </p>
      ) : null}
      {p && unverifiable > 0 ? (
        <Alert tone="warning" className="grid gap-2" data-testid="retry-failed-unverifiable">
          <p>
            Connect no longer remembers {unverifiable === 1 ? "this send" : `these ${fmt(unverifiable)} sends`} (older than {p.windowDays} days, and{" "}
            {unverifiable === 1 ? "its" : "their"} outcome is unknown): retrying {unverifiable === 1 ? "it" : "them"} may reach{" "}
            {unverifiable === 1 ? "that person" : "those people"} twice. Unless you include {unverifiable === 1 ? "it" : "them"},{" "}
            {unverifiable === 1 ? "it stays" : "they stay"} failed.
          </p>
          <label className="flex min-h-6 items-center gap-2 font-medium">
            <input
              type="checkbox"
              className="size-4 shrink-0"
              checked={include}
              onChange={(e) => setInclude(e.target.checked)}
              data-testid="retry-failed-include-unverifiable"
            />
            Include {unverifiable === 1 ? "this recipient" : `these ${recipients(unverifiable)}`} anyway
          </label>
        </Alert>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <DialogClose asChild>
          <Button variant="outline">Keep as is</Button>
        </DialogClose>
        <Button
          onClick={() => onConfirm(include && unverifiable > 0)}
          disabled={pending || preview.isPending || willRetry === 0}
          aria-busy={pending || undefined}
          data-testid="retry-failed-confirm"
        >
          {willRetry === null ? "Retry" : `Retry ${recipients(willRetry)}`}
        </Button>
      </div>
    </div>
  );
}
