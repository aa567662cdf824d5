"use client";
// Below 768 px the sidebar would leave the page a sliver: the header shows the product name and a menu button that
// opens the sections and the account in a drawer, which closes as a link is followed.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import type { Role } from "@/lib/auth/roles";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export function MobileNav({ email, role }: { email: string; role: Role }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex min-w-0 items-center gap-2 md:hidden">
      <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
        <DialogPrimitive.Trigger
          className="inline-flex size-9 shrink-0 items-center justify-center rounded-md border border-border hover:bg-muted"
          aria-label="Open menu"
        >
          <Menu className="size-5" aria-hidden />
        </DialogPrimitive.Trigger>
        <DialogPrimitive.Portal>
          <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
          <DialogPrimitive.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-4 overflow-y-auto border-r border-border bg-card p-4 shadow-lg">
            <div className="flex items-center justify-between">
              <DialogPrimitive.Title className="text-lg font-semibold tracking-tight">Outbound Console</DialogPrimitive.Title>
              <DialogPrimitive.Close className="inline-flex size-9 items-center justify-center rounded-md hover:bg-muted" aria-label="Close menu">
                <X className="size-5" aria-hidden />
              </DialogPrimitive.Close>
            </div>
            <DialogPrimitive.Description className="sr-only">Sections of the console and your account</DialogPrimitive.Description>
            <nav aria-label="Main" className="flex flex-col gap-1">
              <NavLinks onNavigate={() => setOpen(false)} />
            </nav>
            <div className="mt-auto border-t border-border pt-4">
              <UserMenu email={email} role={role} stacked />
            </div>
          </DialogPrimitive.Content>
        </DialogPrimitive.Portal>
      </DialogPrimitive.Root>
      <Link href="/campaigns" className="truncate text-base font-semibold tracking-tight">
        Outbound Console
      </Link>
    </div>
  );
}
