"use client";
// Creating an integration: the form and the secret it reveals load when the dialog is first about to open
// (create-integration-form.tsx).
import { Suspense, useState } from "react";
import { Plug } from "lucide-react";
import { lazyComponent } from "@/components/lazy-component";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

const CreateIntegrationForm = lazyComponent(() => import("./create-integration-form").then((m) => m.CreateIntegrationForm));

export function CreateIntegrationDialog({ origin }: { origin: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button data-testid="create-integration" onPointerEnter={CreateIntegrationForm.preload} onFocus={CreateIntegrationForm.preload}>
          <Plug className="size-4" aria-hidden />
          Add integration
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Add inbound integration"
        description="Customers' messages to this number, posted by your provider, reach Amazon Connect as chat events."
      >
        <Suspense fallback={null}>
          <CreateIntegrationForm origin={origin} onDone={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
