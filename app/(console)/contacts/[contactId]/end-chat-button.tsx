"use client";
// Ending a chat cannot be undone, so it asks first; afterwards the page reloads what Connect and the console now say.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { stopContactAction } from "../actions";

export function EndChatButton({ contactId, customerPhone }: { contactId: string; customerPhone: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [, startRefresh] = useTransition();

  async function endChat() {
    setBusy(true);
    setError(null);
    const res = await stopContactAction({ contactId });
    setBusy(false);
    // Connect no longer knowing the chat also changes what the page shows, so it reloads either way.
    if (res.ok) setOpen(false);
    else setError(res.error.message);
    startRefresh(() => router.refresh());
  }

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) setError(null);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="destructive" data-testid="end-chat">
          End chat
        </Button>
      </DialogTrigger>
      <DialogContent
        title="End this chat?"
        description={`Amazon Connect disconnects the chat with ${customerPhone} now. This cannot be undone; a new message would start a new chat.`}
        data-testid="end-chat-dialog"
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="ghost">
              Keep chat open
            </Button>
          </DialogClose>
          <Button
            type="button"
            variant="destructive"
            onClick={() => void endChat()}
            disabled={busy}
            aria-busy={busy || undefined}
            data-testid="end-chat-confirm"
          >
            {busy ? "Ending…" : "End chat"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
