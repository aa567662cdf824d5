"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { NAV_ITEMS } from "./nav-items";

/** The console's sections, the current one marked: the sidebar's and the phone drawer's list alike. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return NAV_ITEMS.map(({ href, label, icon: Icon }) => {
    const active = pathname === href || pathname.startsWith(`${href}/`);
    return (
      <Link
        key={href}
        href={href}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        className={cn(
          "flex min-h-9 shrink-0 items-center gap-2 rounded-md px-2 py-1.5 text-sm whitespace-nowrap hover:bg-muted",
          active && "bg-muted font-medium text-primary",
        )}
      >
        <Icon className="size-4" aria-hidden />
        {label}
      </Link>
    );
  });
}
