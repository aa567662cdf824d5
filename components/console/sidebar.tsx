"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { NAV_ITEMS } from "./nav-items";

export function Sidebar() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col gap-1 border-r border-border bg-card p-3">
      <Link href="/campaigns" className="mb-4 px-2 py-1 text-lg font-semibold tracking-tight">
        Outbound Console
      </Link>
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn("flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-muted", active && "bg-muted font-medium text-primary")}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
