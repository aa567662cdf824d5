"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { deleteDraftAction } from "../actions";
import { callAction } from "@/components/forms/call-action";

export function DeleteDraftButton({ campaignId }: { campaignId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const remove = async () => {
    setDeleting(true);
    setError(null);
    const res = await callAction(() => deleteDraftAction({ campaignId }));
    if (res.ok) return router.push("/campaigns");
    setDeleting(false);
    setError(res.error.message);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !deleting && (setOpen(next), setError(null))}>
      <DialogTrigger asChild>
        <Button type="button" variant="ghost" className="justify-self-start text-destructive">
          Delete draft
        </Button>
      </DialogTrigger>
      <DialogContent title="Delete draft" description="The draft and its recipient list are removed. This cannot be undone.">
        {error ? <Alert tone="error">{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="outline" disabled={deleting}>
              Cancel
            </Button>
          </DialogClose>
          <Button type="button" variant="destructive" onClick={() => void remove()} disabled={deleting}>
            Delete draft
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
