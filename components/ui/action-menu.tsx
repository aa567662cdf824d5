"use client";
// A row's actions behind one "⋯" button, so a row of buttons never wraps on a phone. Built on the browser's popover
// (top layer, light dismiss and Escape come with it) instead of a menu library; what the browser does not do is here:
// placing the menu under its trigger, the arrow keys, and focus into the menu and back to the trigger.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ToggleEvent } from "react";
import { Ellipsis } from "lucide-react";
import { cn } from "@/lib/utils";
import { buttonVariants } from "./button";
import { menuIndexAfter } from "./menu-navigation";
import { placeMenu } from "./menu-placement";

export interface ActionMenuItem {
  label: string;
  onSelect: () => void;
  /** Deletes, revokes, disables or otherwise takes something away. */
  destructive?: boolean;
  disabled?: boolean;
  testId?: string;
}

interface Props {
  /** Names the row: "Actions for ada@example.com". */
  label: string;
  items: ActionMenuItem[];
  testId?: string;
  className?: string;
}

// The menu's width (w-56) and each item's height (h-9), plus padding and border: the menu is placed before it shows,
// when it cannot be measured yet, and measured again once open.
const WIDTH = 224;
const menuSize = (count: number) => ({ width: WIDTH, height: count * 36 + 10 });

export function ActionMenu({ label, items, testId, className }: Props) {
  const id = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  // Opened with the up arrow: focus starts on the last item.
  const fromEnd = useRef(false);
  const itemsOf = () => Array.from(menu.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]") ?? []);

  const place = (size: { width: number; height: number }) => {
    const el = menu.current;
    const at = trigger.current?.getBoundingClientRect();
    if (!el || !at) return;
    const { left, top } = placeMenu(at, size, { width: window.innerWidth, height: window.innerHeight });
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  };

  const close = () => menu.current?.hidePopover();

  // A fixed menu would drift away from its row as the page or the table scrolls: it closes instead.
  useEffect(() => {
    if (!open) return;
    const onScroll = (e: Event) => {
      if (!menu.current?.contains(e.target as Node)) menu.current?.hidePopover();
    };
    const onResize = () => menu.current?.hidePopover();
    window.addEventListener("scroll", onScroll, true);
    window.addEventListener("resize", onResize);
    return () => {
      window.removeEventListener("scroll", onScroll, true);
      window.removeEventListener("resize", onResize);
    };
  }, [open]);

  const onBeforeToggle = (e: ToggleEvent<HTMLDivElement>) => {
    if (e.newState === "open") place(menuSize(items.length));
  };

  const onToggle = (e: ToggleEvent<HTMLDivElement>) => {
    setOpen(e.newState === "open");
    if (e.newState === "open") {
      const el = menu.current;
      if (el) place({ width: el.offsetWidth, height: el.offsetHeight });
      const all = itemsOf();
      (fromEnd.current ? all.at(-1) : all[0])?.focus();
      fromEnd.current = false;
      return;
    }
    // Escape, Tab or a choice: back to the trigger. A click elsewhere keeps the focus where it landed.
    const active = document.activeElement;
    if (!active || active === document.body || menu.current?.contains(active)) trigger.current?.focus();
  };

  const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Tab") {
      // Leaves the menu as if from the trigger: the browser then moves on to whatever follows it.
      close();
      trigger.current?.focus();
      return;
    }
    const all = itemsOf();
    const next = menuIndexAfter(e.key, all.indexOf(document.activeElement as HTMLButtonElement), all.length);
    if (next === null) return;
    e.preventDefault();
    all[next]?.focus();
  };

  const onTriggerKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    e.preventDefault();
    if (menu.current?.matches(":popover-open")) return;
    fromEnd.current = e.key === "ArrowUp";
    menu.current?.showPopover();
  };

  const choose = (item: ActionMenuItem) => {
    if (item.disabled) return;
    close();
    // Focus is on the trigger before the action runs, so a dialog it opens gives focus back there.
    trigger.current?.focus();
    item.onSelect();
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        popoverTarget={id}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        title={label}
        onKeyDown={onTriggerKeyDown}
        data-testid={testId}
        className={cn(buttonVariants({ variant: "ghost", size: "icon-sm" }), className)}
      >
        <Ellipsis className="size-4" aria-hidden />
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        role="menu"
        aria-label={label}
        onBeforeToggle={onBeforeToggle}
        onToggle={onToggle}
        onKeyDown={onMenuKeyDown}
        className="inset-auto m-0 max-h-[calc(100vh-1rem)] w-56 max-w-[calc(100vw-1rem)] overflow-y-auto rounded-md border border-border bg-card p-1 text-sm text-foreground shadow-lg"
      >
        {items.map((item) => (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            tabIndex={-1}
            aria-disabled={item.disabled || undefined}
            onClick={() => choose(item)}
            data-testid={item.testId}
            className={cn(
              "flex h-9 w-full items-center rounded-sm px-3 text-left outline-none hover:bg-muted focus:bg-muted aria-disabled:cursor-not-allowed aria-disabled:opacity-50",
              item.destructive && "text-destructive",
            )}
          >
            <span className="truncate">{item.label}</span>
          </button>
        ))}
      </div>
    </>
  );
}
