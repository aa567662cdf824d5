"use client";
// Removing a number lets campaigns contact it again, so it asks for a reason, which the audit log keeps.
import { Suspense, useState } from "react";
import { lazyComponent } from "@/components/lazy-component";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

const RemoveNumberForm = lazyComponent(() => import("./remove-number-form").then((m) => m.RemoveNumberForm));

export function RemoveNumberDialog({ phone }: { phone: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" onPointerEnter={RemoveNumberForm.preload} onFocus={RemoveNumberForm.preload}>
          Remove<span className="sr-only"> {phone}</span>
        </Button>
      </DialogTrigger>
      <DialogContent title="Remove number" description={`Once removed, campaigns may contact ${phone} again.`}>
        <Suspense fallback={null}>
          <RemoveNumberForm phone={phone} onRemoved={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
