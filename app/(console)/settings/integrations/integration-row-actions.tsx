"use client";
// Per-integration buttons: disable or enable, rotate the secret (shown once in a dialog), delete. Disabling, rotating
// and deleting ask first, saying what stops working.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/actions/safe-action";
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
  const confirm = useConfirm();
  const [rotated, setRotated] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (call: () => Promise<ActionResult<unknown>>) => call(),
    onSuccess: (res) => {
      onError(res.ok ? null : res.error.message);
      router.refresh();
    },
  });
  const { id, name } = integration;
  const done = () => {
    onError(null);
    router.refresh();
  };

  const toggle = () => {
    if (integration.disabledAt) return run.mutate(() => setIntegrationEnabledAction({ integrationId: id, enabled: true }));
    confirm.ask({
      ...disableIntegrationWords(integration),
      action: () => setIntegrationEnabledAction({ integrationId: id, enabled: false }),
      onDone: done,
    });
  };
  const rotate = () => {
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
              onDone: done,
            },
          };
        }
        return res;
      },
      onDone: done,
    });

  return (
    <div className="flex flex-wrap justify-end gap-2">
      <Button size="sm" variant="outline" disabled={run.isPending} onClick={toggle} data-testid={`integration-toggle-${name}`}>
        {integration.disabledAt ? "Enable" : "Disable"}
      </Button>
      <Button size="sm" variant="outline" disabled={run.isPending} onClick={rotate} data-testid={`integration-rotate-${name}`}>
        Rotate secret
      </Button>
      <Button size="sm" variant="destructive" disabled={run.isPending} onClick={remove} data-testid={`integration-delete-${name}`}>
        Delete
      </Button>
      {confirm.dialog}
      <Dialog open={rotated !== null} onOpenChange={(o) => !o && setRotated(null)}>
        <DialogContent title={`New signing secret for ${name}`}>
          {rotated ? <SecretReveal secret={rotated} url={`${origin}${inboundPath(id)}`} /> : null}
          <Button type="button" onClick={() => setRotated(null)}>
            Done
          </Button>
        </DialogContent>
      </Dialog>
    </div>
  );
}
