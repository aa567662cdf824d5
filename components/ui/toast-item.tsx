"use client";
// One toast: gone after 6 s, or later while the pointer or the focus is on the toasts, so nobody loses an Undo while
// reaching for it.
import { useEffect, useRef } from "react";
import { X } from "lucide-react";
import { dismissToast, type Toast } from "./toast-store";

const SHOWN_MS = 6_000;

export function ToastItem({ toast: { id, message, action } }: { toast: Toast }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let timer = 0;
    const held = () => {
      const region = ref.current?.parentElement;
      return !!region && (region.matches(":hover") || region.contains(document.activeElement));
    };
    const wait = () => (timer = window.setTimeout(() => (held() ? wait() : dismissToast(id)), SHOWN_MS));
    wait();
    return () => window.clearTimeout(timer);
  }, [id]);
  const button = "h-8 cursor-pointer rounded-md hover:bg-muted";
  return (
    <div
      ref={ref}
      className="pointer-events-auto flex w-full max-w-sm items-center gap-2 rounded-md border border-border bg-card p-1 pl-3 text-sm shadow-lg"
      data-testid="toast"
    >
      <p className="flex-1">{message}</p>
      {action ? (
        <button
          type="button"
          onClick={() => {
            dismissToast(id);
            action.run();
          }}
          className={`${button} px-3 font-medium text-primary`}
        >
          {action.label}
        </button>
      ) : null}
      <button type="button" onClick={() => dismissToast(id)} aria-label="Close" className={`${button} grid w-8 place-items-center`}>
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
