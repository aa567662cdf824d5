"use client";
// Where toasts show, once per console page, at the bottom, newest last. The live region is always there (so the first
// toast is announced too); the code that draws a toast loads with the first one, since every page carries this part.
import { useSyncExternalStore } from "react";
import { lazyComponent } from "@/components/lazy-component";
import { LoadBoundary } from "@/components/load-boundary";
import { getServerToasts, getToasts, subscribeToasts } from "./toast-store";

const ToastItem = lazyComponent(() => import("./toast-item").then((m) => m.ToastItem));

export function Toaster() {
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getServerToasts);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col items-center gap-2 p-4 sm:items-end">
      <LoadBoundary what="A notice" fallback={null}>
        {toasts.map((t) => (
          <ToastItem key={t.id} toast={t} />
        ))}
      </LoadBoundary>
    </div>
  );
}
