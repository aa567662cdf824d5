"use client";
// The phone drawer itself, loaded when the menu button is first pointed at, focused or pressed (mobile-nav.tsx): the
// dialog library it needs would otherwise load with every console page, on screens where the drawer never opens.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { Role } from "@/lib/auth/roles";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export function MobileNavDrawer({
  open,
  onOpenChange,
  returnFocus,
  email,
  role,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The menu button, focused again as the drawer closes (the dialog has no trigger of its own to return to). */
  returnFocus: () => void;
  email: string;
  role: Role;
}) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/40 dark:bg-black/60" />
        <DialogPrimitive.Content
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            returnFocus();
          }}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 overflow-y-auto border-r border-border bg-card p-4 shadow-lg"
        >
          <div className="flex items-center justify-between">
            <DialogPrimitive.Title className="text-lg font-semibold tracking-tight">Outbound Console</DialogPrimitive.Title>
            <DialogPrimitive.Close className="inline-flex size-9 items-center justify-center rounded-md hover:bg-muted" aria-label="Close menu">
              <X className="size-5" aria-hidden />
            </DialogPrimitive.Close>
          </div>
          <DialogPrimitive.Description className="sr-only">Sections of the console and your account</DialogPrimitive.Description>
          <nav aria-label="Main" className="flex flex-col gap-1">
            <NavLinks onNavigate={() => onOpenChange(false)} />
          </nav>
          <div className="mt-auto border-t border-border pt-4">
            <UserMenu email={email} role={role} stacked />
          </div>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
