"use client";
import { Suspense, useState } from "react";
import { KeyRound } from "lucide-react";
import { lazyComponent } from "@/components/lazy-component";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

const CreateApiKeyForm = lazyComponent(() => import("./create-api-key-form").then((m) => m.CreateApiKeyForm));

export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button onPointerEnter={CreateApiKeyForm.preload} onFocus={CreateApiKeyForm.preload}>
          <KeyRound className="size-4" aria-hidden />
          Create API key
        </Button>
      </DialogTrigger>
      <DialogContent title="Create API key">
        <Suspense fallback={null}>
          <CreateApiKeyForm onDone={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
