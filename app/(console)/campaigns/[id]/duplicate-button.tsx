"use client";
// Duplicate, for any campaign: the copy is a new draft of the reader's, opened for editing once its rows are saved.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { callAction } from "@/components/forms/call-action";
import { duplicateAction } from "./copy-actions";

export function DuplicateButton({ campaignId, size }: { campaignId: string; size?: "sm" }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const duplicate = async () => {
    setBusy(true);
    setMessage(null);
    const res = await callAction(() => duplicateAction({ campaignId }));
    if (res.ok) {
      const { valid, suppressed } = res.data.preflight.counts;
      const held = suppressed > 0 ? `, ${suppressed.toLocaleString("en-US")} suppressed now` : "";
      setMessage({ ok: true, text: `Copy saved with ${valid.toLocaleString("en-US")} recipients${held}; opening it…` });
      return router.push(`/campaigns/${res.data.campaignId}/edit`);
    }
    setBusy(false);
    setMessage({ ok: false, text: res.error.message });
  };

  return (
    <span className="flex flex-wrap items-center gap-2">
      {message ? (
        <span
          role={message.ok ? "status" : "alert"}
          data-testid="duplicate-message"
          className={`text-xs ${message.ok ? "text-muted-foreground" : "text-destructive"}`}
        >
          {message.text}
        </span>
      ) : null}
      <Button
        type="button"
        size={size}
        variant="outline"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void duplicate()}
        title="A new draft with the same settings and recipient list, checked again against today's suppression list"
        data-testid="duplicate-button"
      >
        <Copy className="size-4" aria-hidden />
        {busy ? "Duplicating…" : "Duplicate"}
      </Button>
    </span>
  );
}
