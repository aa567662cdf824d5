"use client";
// Reset someone's password: confirm, then show the generated temporary password once, to hand over privately.
// Generated rather than typed so it is never weak or reused; the user must replace it at their next sign-in.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { callAction } from "@/components/forms/call-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resetUserPasswordAction } from "./actions";
import { resetPasswordWords } from "./confirm-words";

export function useResetPasswordDialog() {
  const router = useRouter();
  const confirm = useConfirm();
  const [shown, setShown] = useState<{ email: string; temporary: string } | null>(null);
  // The row's menu button: the password dialog has no trigger of its own to give focus back to.
  const opener = useRef<HTMLElement | null>(null);

  const ask = (user: { id: string; email: string }) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let temporary = "";
    confirm.ask({
      ...resetPasswordWords(user.email),
      pendingLabel: "Resetting…",
      action: async () => {
        const res = await callAction(() => resetUserPasswordAction({ userId: user.id }));
        if (res.ok) temporary = res.data.temporaryPassword;
        return res;
      },
      // Opened as the confirmation closes, so the two dialogs never stand open together.
      onDone: () => {
        router.refresh();
        setShown({ email: user.email, temporary });
      },
    });
  };

  const dialog = (
    <>
      {confirm.dialog}
      {/* Closing forgets the temporary password: it is shown this once. */}
      <Dialog open={shown !== null} onOpenChange={(open) => !open && setShown(null)}>
        <DialogContent
          title={shown ? `Temporary password for ${shown.email}` : "Temporary password"}
          onCloseAutoFocus={(e) => {
            if (!opener.current?.isConnected) return;
            e.preventDefault();
            opener.current.focus();
          }}
        >
          {shown ? (
            <div className="grid gap-3">
              <Alert tone="warning">
                Give this temporary password to {shown.email} privately. It is shown only this once; they must choose their own when they sign in.
              </Alert>
              <Field id="temporary-password" label="Temporary password">
                <Input readOnly value={shown.temporary} className="font-mono" onFocus={(e) => e.currentTarget.select()} data-testid="temporary-password" />
              </Field>
              <div className="flex flex-wrap justify-end gap-2">
                <CopyButton value={shown.temporary} label="Copy temporary password" />
                <Button type="button" onClick={() => setShown(null)}>
                  Done
                </Button>
              </div>
            </div>
          ) : null}
        </DialogContent>
      </Dialog>
    </>
  );
  return { ask, dialog };
}
