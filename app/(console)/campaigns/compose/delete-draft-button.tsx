"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { callAction } from "@/components/forms/call-action";
import { deleteDraftAction } from "../actions";

export function DeleteDraftButton({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const confirm = useConfirm();
  const ask = () =>
    confirm.ask({
      title: "Delete draft",
      body: "The draft and its recipient list are removed. This cannot be undone.",
      confirmLabel: "Delete draft",
      pendingLabel: "Deleting…",
      action: () => callAction(() => deleteDraftAction({ campaignId })),
      onDone: () => router.push("/campaigns"),
    });
  return (
    <>
      <Button type="button" variant="ghost" className="justify-self-start text-destructive" onClick={ask}>
        Delete draft
      </Button>
      {confirm.dialog}
    </>
  );
}
