"use client";
// The open dialog itself: Radix's focus trap, Escape and outside-click handling, scroll lock and labelling. Loaded by
// dialog.tsx when a dialog first opens (or its trigger is pointed at or focused), not with every page that has one.
import * as DialogPrimitive from "@radix-ui/react-dialog";
import type { ComponentProps, RefObject } from "react";
import { cn } from "@/lib/utils";

export type DialogContentProps = ComponentProps<typeof DialogPrimitive.Content> & { title: string; description?: string };

export interface DialogPanelProps extends DialogContentProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The DialogTrigger's element: focus returns to it on close, as Radix's own trigger would have it. */
  trigger: RefObject<HTMLElement | null>;
}

export function DialogPanel({ open, onOpenChange, trigger, className, title, description, children, onCloseAutoFocus, ...props }: DialogPanelProps) {
  return (
    <DialogPrimitive.Root open={open} onOpenChange={onOpenChange}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-black/40 dark:bg-black/60" />
        <DialogPrimitive.Content
          className={cn(
            "fixed left-1/2 top-1/2 z-50 grid w-full max-w-lg -translate-x-1/2 -translate-y-1/2 gap-4 rounded-lg border border-border bg-card p-6 shadow-lg",
            className,
          )}
          onCloseAutoFocus={(e) => {
            onCloseAutoFocus?.(e);
            if (e.defaultPrevented) return;
            e.preventDefault();
            trigger.current?.focus();
          }}
          {...props}
        >
          <div className="grid gap-1">
            <DialogPrimitive.Title className="text-lg font-semibold">{title}</DialogPrimitive.Title>
            {description ? (
              <DialogPrimitive.Description className="text-sm text-muted-foreground">{description}</DialogPrimitive.Description>
            ) : (
              <DialogPrimitive.Description className="sr-only">{title}</DialogPrimitive.Description>
            )}
          </div>
          {children}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
