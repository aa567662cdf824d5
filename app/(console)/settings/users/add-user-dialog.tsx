"use client";
import { Suspense, useState } from "react";
import { useRouter } from "next/navigation";
import { UserPlus } from "lucide-react";
import { lazyComponent } from "@/components/lazy-component";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

const AddUserForm = lazyComponent(() => import("./add-user-form").then((m) => m.AddUserForm));

export function AddUserDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button onPointerEnter={AddUserForm.preload} onFocus={AddUserForm.preload}>
          <UserPlus className="size-4" aria-hidden />
          Add user
        </Button>
      </DialogTrigger>
      <DialogContent title="Add user" description="They sign in with this email and password; ask them to keep the password private.">
        <Suspense fallback={null}>
          <AddUserForm
            onCreated={() => {
              setOpen(false);
              router.refresh();
            }}
          />
        </Suspense>
      </DialogContent>
    </Dialog>
  );
}
