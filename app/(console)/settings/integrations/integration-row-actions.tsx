"use client";
// An integration's action menu: disable or enable, rotate the secret (shown once in a dialog), delete. Disabling,
// rotating and deleting ask first, saying what stops working; a toast says it is done, with Undo after disabling.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ActionMenu } from "@/components/ui/action-menu";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { callAction } from "@/components/forms/call-action";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast-store";
import { inboundPath } from "@/lib/inbound/protocol";
import { deleteIntegrationAction, rotateIntegrationSecretAction, setIntegrationEnabledAction } from "./actions";
import { deleteIntegrationWords, disableIntegrationWords, dropQueuedWords, rotateSecretWords, type IntegrationFacts } from "./confirm-words";
import { SecretReveal } from "./secret-reveal";

interface Props {
  integration: IntegrationFacts & { id: string; disabledAt: string | null };
  origin: string;
  onError(message: string | null): void;
}

export function IntegrationRowActions({ integration, origin, onError }: Props) {
  const router = useRouter();
  const { id, name } = integration;
  const confirm = useConfirm();
  const [rotated, setRotated] = useState<string | null>(null);
  // The menu's button, for focus to come back to from the secret's dialog, which has no trigger of its own.
  const opener = useRef<HTMLElement | null>(null);
  // Enabling asks nothing: it is what Undo after disabling runs too.
  const enabling = useMutation({
    mutationFn: () => callAction(() => setIntegrationEnabledAction({ integrationId: id, enabled: true })),
    onSuccess: (res) => {
      onError(res.ok ? null : res.error.message);
      if (res.ok) toast(`Enabled "${name}"`);
      router.refresh();
    },
  });
  const done = () => {
    onError(null);
    router.refresh();
  };
  const deleted = () => {
    done();
    toast(`Deleted "${name}"`);
  };

  const enable = () => enabling.mutate();
  const toggle = () => {
    if (integration.disabledAt) return enable();
    confirm.ask({
      ...disableIntegrationWords(integration),
      action: () => setIntegrationEnabledAction({ integrationId: id, enabled: false }),
      onDone: () => {
        done();
        toast(`Disabled "${name}"`, { label: "Undo", run: enable });
      },
    });
  };
  const rotate = () => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    let secret = "";
    confirm.ask({
      ...rotateSecretWords(integration),
      action: async () => {
        const res = await rotateIntegrationSecretAction({ integrationId: id });
        if (res.ok) secret = res.data.secret;
        return res;
      },
      // Opened as the confirmation closes, so the two dialogs never stand open together.
      onDone: () => {
        done();
        setRotated(secret);
      },
    });
  };
  const remove = () =>
    confirm.ask({
      ...deleteIntegrationWords(integration),
      pendingLabel: "Deleting…",
      action: async () => {
        const res = await deleteIntegrationAction({ integrationId: id });
        // Messages still waiting for Connect (perhaps more than the page showed): ask again before dropping them.
        if (!res.ok && res.error.code === "conflict") {
          return {
            next: {
              ...dropQueuedWords(name, res.error.message),
              pendingLabel: "Deleting…",
              action: () => deleteIntegrationAction({ integrationId: id, dropQueued: true }),
              onDone: deleted,
            },
          };
        }
        return res;
      },
      onDone: deleted,
    });

  return (
    <div className="flex justify-end">
      <ActionMenu
        label={`Actions for ${name}`}
        testId={`integration-actions-${name}`}
        items={[
          integration.disabledAt
            ? { label: "Enable", onSelect: toggle, disabled: enabling.isPending, testId: `integration-toggle-${name}` }
            : { label: "Disable…", onSelect: toggle, testId: `integration-toggle-${name}` },
          { label: "Rotate secret…", onSelect: rotate, testId: `integration-rotate-${name}` },
          { label: "Delete…", onSelect: remove, destructive: true, testId: `integration-delete-${name}` },
        ]}
      />
      {confirm.dialog}
      <Dialog open={rotated !== null} onOpenChange={(o) => !o && setRotated(null)}>
        <DialogContent
          title={`New signing secret for ${name}`}
          onCloseAutoFocus={(e) => {
            if (!opener.current?.isConnected) return;
            e.preventDefault();
            opener.current.focus();
          }}
        >
          {rotated ? <SecretReveal secret={rotated} url={`${origin}${inboundPath(id)}`} /> : null}
          <Button type="button" onClick={() => setRotated(null)}>
            Done
          </Button>
        </DialogContent>
      </Dialog>
    </div>
  );
}
