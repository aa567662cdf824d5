"use client";
// Where toasts show, once per console page: at the bottom, newest last, each gone after 6 s, or later while the
// pointer or the focus is on the toasts, so nobody loses an Undo while reaching for it. Kept small: every page loads it.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { X } from "lucide-react";
import { dismissToast, getServerToasts, getToasts, subscribeToasts, type Toast } from "./toast-store";

const SHOWN_MS = 6_000;

function ToastItem({ toast: { id, message, action } }: { toast: Toast }) {
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

export function Toaster() {
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getServerToasts);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
