"use client";
// System / Light / Dark as a radio group of icon buttons. The server cannot know what the browser stored, so until it
// mounts no choice is marked (the same markup on both sides, no hydration mismatch); the page's colours are already
// right by then, set by next-themes' script before the first paint.
import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useRef, useSyncExternalStore, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils";
import { THEME_CHOICES, knownThemeChoice, themeChoiceForKey, type ThemeChoice } from "./theme-choice";

const ICONS = { system: Monitor, light: Sun, dark: Moon } satisfies Record<ThemeChoice, unknown>;

const subscribeNever = () => () => {};

export function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const mounted = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  const current = mounted ? knownThemeChoice(theme) : null;
  const buttons = useRef(new Map<ThemeChoice, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent) => {
    const next = themeChoiceForKey(current ?? "system", e.key);
    if (!next) return;
    e.preventDefault();
    setTheme(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div
      role="radiogroup"
      aria-label="Colour theme"
      onKeyDown={onKeyDown}
      className={cn("inline-flex shrink-0 items-center gap-0.5 rounded-md border border-border bg-card p-0.5", className)}
      data-testid="theme-toggle"
    >
      {THEME_CHOICES.map(({ value, label }) => {
        const Icon = ICONS[value];
        const checked = current === value;
        return (
          <button
            key={value}
            ref={(el) => {
              if (el) buttons.current.set(value, el);
              else buttons.current.delete(value);
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={label}
            title={label}
            // One stop in the tab order: the checked choice, or the first before one is known.
            tabIndex={checked || (current === null && value === "system") ? 0 : -1}
            onClick={() => setTheme(value)}
            className={cn(
              "inline-flex size-7 cursor-pointer items-center justify-center rounded text-muted-foreground transition-colors hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              checked && "bg-primary/10 text-primary hover:bg-primary/15 hover:text-primary dark:bg-primary/25",
            )}
          >
            <Icon className="size-4" aria-hidden />
          </button>
        );
      })}
    </div>
  );
}
