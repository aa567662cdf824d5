"use client";
// The settings pages beside the content from 1024 px up (kept in view while a long page scrolls); above it on a phone,
// as chips that wrap rather than a row that scrolls, so no page is hidden off the edge.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/auth/roles";
import { cn } from "@/lib/utils";
import { sectionAt, settingsSectionsFor, type ConnectMode } from "./settings-sections";

export function SettingsNav({ role, mode }: { role: Role; mode: ConnectMode }) {
  const pathname = usePathname();
  const sections = settingsSectionsFor(role, mode);
  const current = sectionAt(pathname, sections);
  return (
    <nav aria-label="Settings" className="min-w-0 lg:sticky lg:top-6 lg:self-start">
      <p className="mb-2 hidden px-2.5 text-xs font-semibold tracking-wide text-muted-foreground uppercase lg:block">Settings</p>
      <ul className="flex flex-wrap gap-1.5 lg:flex-col lg:gap-0.5">
        {sections.map((s) => {
          const active = s.id === current?.id;
          return (
            <li key={s.id}>
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md border border-border px-2.5 py-1.5 text-sm whitespace-nowrap hover:bg-muted lg:border-transparent",
                  active && "bg-muted font-medium text-primary",
                )}
              >
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
