"use client";
// Reset someone's password: confirm, then show the generated temporary password once, to hand over privately.
// Generated rather than typed so it is never weak or reused; the user must replace it at their next sign-in.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { KeyRound } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resetUserPasswordAction } from "./actions";

export function ResetPasswordDialog({ userId, email }: { userId: string; email: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);

  const onOpenChange = (o: boolean) => {
    setOpen(o);
    // Closing forgets the temporary password: it is shown this once.
    if (!o) {
      setTemporary(null);
      setError(null);
    }
  };

  const reset = async () => {
    setPending(true);
    setError(null);
    const res = await resetUserPasswordAction({ userId });
    setPending(false);
    if (!res.ok) return setError(res.error.message);
    setTemporary(res.data.temporaryPassword);
    router.refresh();
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Reset password of ${email}`}>
          <KeyRound className="size-4" aria-hidden />
          Reset password
        </Button>
      </DialogTrigger>
      <DialogContent title={`Reset password of ${email}`}>
        {temporary ? (
          <div className="grid gap-3">
            <Alert tone="warning">
              Give this temporary password to {email} privately. It is shown only this once; they must choose their own when they sign in.
            </Alert>
            <Field id="temporary-password" label="Temporary password">
              <Input readOnly value={temporary} className="font-mono" onFocus={(e) => e.currentTarget.select()} data-testid="temporary-password" />
            </Field>
            <div className="flex justify-end gap-2">
              <CopyButton value={temporary} label="Copy temporary password" />
              <DialogClose asChild>
                <Button type="button">Done</Button>
              </DialogClose>
            </div>
          </div>
        ) : (
          <div className="grid gap-3">
            {error ? <Alert tone="error">{error}</Alert> : null}
            <p className="text-sm">
              Their current password stops working and every session they have ends now. The console generates a temporary password for you to hand over; they
              must replace it at their next sign-in.
            </p>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button type="button" variant="outline">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="button" variant="destructive" disabled={pending} onClick={() => void reset()}>
                {pending ? "Resetting…" : "Reset password"}
              </Button>
            </div>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
