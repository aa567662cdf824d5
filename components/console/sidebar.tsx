import Link from "next/link";
import { NavLinks } from "./nav-links";

// Beside the page from 768 px up; below it the header's menu opens the same links in a drawer (mobile-nav.tsx).
export function Sidebar() {
  return (
    <nav aria-label="Main" className="hidden w-56 shrink-0 flex-col gap-1 border-r border-border bg-card p-3 md:flex">
      <Link href="/campaigns" className="mb-4 px-2 py-1 text-lg font-semibold tracking-tight whitespace-nowrap">
        Outbound Console
      </Link>
      <NavLinks />
    </nav>
  );
}
