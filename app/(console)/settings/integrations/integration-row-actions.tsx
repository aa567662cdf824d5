"use client";
// Per-integration buttons: disable or enable, rotate the secret (shown once in a dialog), delete.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/actions/safe-action";
import { inboundPath } from "@/lib/inbound/protocol";
import { deleteIntegrationAction, rotateIntegrationSecretAction, setIntegrationEnabledAction } from "./actions";
import { SecretReveal } from "./secret-reveal";

interface Props {
  integration: { id: string; name: string; disabledAt: string | null };
  origin: string;
  onError(message: string | null): void;
}

export function IntegrationRowActions({ integration, origin, onError }: Props) {
  const router = useRouter();
  const [rotated, setRotated] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (call: () => Promise<ActionResult<unknown>>) => call(),
    onSuccess: (res) => {
      onError(res.ok ? null : res.error.message);
      router.refresh();
    },
  });
  const { id, name } = integration;

  const toggle = () => run.mutate(() => setIntegrationEnabledAction({ integrationId: id, enabled: Boolean(integration.disabledAt) }));
  const rotate = () => {
    if (!confirm(`Rotate the signing secret of "${name}"? The current secret stops working at once; give the provider the new one.`)) return;
    run.mutate(async () => {
      const res = await rotateIntegrationSecretAction({ integrationId: id });
      if (res.ok) setRotated(res.data.secret);
      return res;
    });
  };
  const remove = () => {
    if (!confirm(`Delete "${name}"? Its endpoint stops answering and its message history is deleted.`)) return;
    run.mutate(async () => {
      const res = await deleteIntegrationAction({ integrationId: id });
      // Messages still waiting for Connect: ask again before dropping them.
      if (!res.ok && res.error.code === "conflict" && confirm(`${res.error.message}\n\nDelete anyway and drop them?`)) {
        return deleteIntegrationAction({ integrationId: id, dropQueued: true });
      }
      return res;
    });
  };

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
