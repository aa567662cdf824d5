"use client";
// Copies a value shown once (secrets, temporary passwords). The clipboard API needs a secure context: over plain
// http it is missing, and the button says to select and copy by hand instead of failing silently.
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { Button } from "./button";

interface Props {
  value: string;
  label: string;
  testId?: string;
  size?: "sm" | "default";
  className?: string;
}

export function CopyButton({ value, label, testId, size, className }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2_000);
  };
  // The label names what is copied, so the outcome is announced on its own: a screen reader hears it too.
  return (
    <>
      <Button type="button" variant="outline" size={size} className={className} onClick={() => void copy()} data-testid={testId} aria-label={label}>
        {state === "copied" ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />}
        {state === "copied" ? "Copied" : state === "failed" ? "Select and copy it by hand" : "Copy"}
      </Button>
      <span className="sr-only" role="status">
        {state === "copied" ? "Copied" : state === "failed" ? "Copying failed: select the value and copy it by hand" : ""}
      </span>
    </>
  );
}
