"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { NAV_ITEMS } from "./nav-items";

// Beside the page from 768 px up; above it, as one row that scrolls sideways, on phones, so the page keeps the width.
export function Sidebar() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Main"
      className="flex shrink-0 items-center gap-1 overflow-x-auto border-b border-border bg-card p-2 md:w-56 md:flex-col md:items-stretch md:overflow-visible md:border-r md:border-b-0 md:p-3"
    >
      <Link href="/campaigns" className="mr-2 shrink-0 px-2 py-1 text-base font-semibold tracking-tight whitespace-nowrap md:mr-0 md:mb-4 md:text-lg">
        Outbound Console
      </Link>
      {NAV_ITEMS.map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex shrink-0 items-center gap-2 rounded-md px-2 py-1.5 text-sm whitespace-nowrap hover:bg-muted",
              active && "bg-muted font-medium text-primary",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
