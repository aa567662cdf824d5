import { cn } from "@/lib/utils";

/** Always visible: whether sends go to the local simulator or to real Amazon Connect. */
export function BackendBanner({ mode, region }: { mode: "local" | "aws"; region: string }) {
  const local = mode === "local";
  return (
    <div
      role="note"
      aria-label="Connect backend"
      data-connect-mode={mode}
      className={cn(
        "px-4 py-1.5 text-center text-xs font-medium",
        local ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" : "bg-emerald-700 text-white dark:bg-emerald-800",
      )}
    >
      {local ? "Local Connect simulator: no real messages are sent" : `Amazon Connect (AWS, ${region}): messages go to real customers`}
    </div>
  );
}
