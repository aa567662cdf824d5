"use client";
// Below 768 px the sidebar would leave the page a sliver: the header shows the product name and a menu button that
// opens the sections and the account in a drawer, which closes as a link is followed. The drawer's code loads when
// the button is first pointed at, focused or pressed, not with the page (mobile-nav-drawer.tsx).
import { Menu } from "lucide-react";
import Link from "next/link";
import { lazy, Suspense, useRef, useState } from "react";
import type { Role } from "@/lib/auth/roles";

const loadDrawer = () => import("./mobile-nav-drawer");
const MobileNavDrawer = lazy(() => loadDrawer().then((m) => ({ default: m.MobileNavDrawer })));
const preloadDrawer = () => void loadDrawer().catch(() => undefined);

export function MobileNav({ email, role }: { email: string; role: Role }) {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing leaves the dialog to unmount its content itself.
  const [wanted, setWanted] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div className="flex min-w-0 items-center gap-2 md:hidden">
      <button
        ref={button}
        type="button"
        className="inline-flex size-9 shrink-0 items-center justify-center rounded-md border border-border hover:bg-muted"
        aria-label="Open menu"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={preloadDrawer}
        onFocus={preloadDrawer}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        <Menu className="size-5" aria-hidden />
      </button>
      {wanted ? (
        <Suspense fallback={null}>
          <MobileNavDrawer open={open} onOpenChange={setOpen} returnFocus={() => button.current?.focus()} email={email} role={role} />
        </Suspense>
      ) : null}
      <Link href="/campaigns" className="truncate text-base font-semibold tracking-tight">
        Outbound Console
      </Link>
    </div>
  );
}
