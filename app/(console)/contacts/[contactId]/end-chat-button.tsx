"use client";
// Ending a chat cannot be undone, so it asks first; afterwards the page reloads what Connect and the console now say.
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { callAction } from "@/components/forms/call-action";
import { stopContactAction } from "../actions";

export function EndChatButton({ contactId, customerPhone }: { contactId: string; customerPhone: string }) {
  const router = useRouter();
  const confirm = useConfirm();
  const [, startRefresh] = useTransition();
  const ask = () =>
    confirm.ask({
      title: "End this chat?",
      body: `Amazon Connect disconnects the chat with ${customerPhone} now. This cannot be undone; a new message would start a new chat.`,
      confirmLabel: "End chat",
      pendingLabel: "Ending…",
      dismissLabel: "Keep chat open",
      testId: "end-chat",
      action: async () => {
        const res = await callAction(() => stopContactAction({ contactId }));
        // Connect no longer knowing the chat also changes what the page shows, so it reloads either way.
        startRefresh(() => router.refresh());
        return res;
      },
    });
  return (
    <>
      <Button variant="destructive" data-testid="end-chat" onClick={ask}>
        End chat
      </Button>
      {confirm.dialog}
    </>
  );
}
