"use client";
import { Suspense, useState } from "react";
import { Plus } from "lucide-react";
import { lazyComponent } from "@/components/lazy-component";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

const AddNumberForm = lazyComponent(() => import("./add-number-form").then((m) => m.AddNumberForm));

export function AddNumberDialog() {
  const [open, setOpen] = useState(false);
  // The default country last typed: the next number usually has the same one.
  const [country, setCountry] = useState("");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button onPointerEnter={AddNumberForm.preload} onFocus={AddNumberForm.preload}>
          <Plus className="size-4" aria-hidden />
          Add number
        </Button>
      </DialogTrigger>
      <DialogContent title="Add number" description="No campaign will send to this number while it is on the list.">
        <Suspense fallback={null}>
          <AddNumberForm country={country} onCountry={setCountry} onAdded={() => setOpen(false)} />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
