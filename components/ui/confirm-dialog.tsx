"use client";
// The one confirmation for destructive or role-changing actions: it says what will happen, names the action on its
// button, starts on Cancel so Enter alone never confirms, keeps the dialog open while the action runs and shows its
// error there, and gives focus back to whatever opened it (a button, a select, a checkbox, a row's action menu). An
// action the audit log must explain (removing a suppressed number) asks for a reason in the same dialog.
import { useCallback, useRef, useState, type ReactNode, type RefObject } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { settle, type ConfirmOutcome as Outcome } from "./confirm-outcome";
import { Dialog, DialogContent } from "./dialog";
import { Field } from "./field";
import { Textarea } from "./input";

/** `next`: the action needs a second, different confirmation first (e.g. the server found messages that would be lost). */
export type ConfirmOutcome = Outcome<ConfirmRequest>;

/** A text the action needs, such as the reason the audit log keeps; the dialog starts on it rather than on Cancel. */
export interface ConfirmField {
  label: string;
  hint?: string;
  /** Shown, and nothing sent, while the field is blank. */
  required: string;
  maxLength?: number;
}

export interface ConfirmRequest {
  title: string;
  /** The consequence, in one or two sentences with the real names and numbers. */
  body: string;
  /** Named for the action: "Revoke key", "Make admin". */
  confirmLabel: string;
  /** Shown on the confirm button while the action runs; "Revoke key…" when left out. */
  pendingLabel?: string;
  /** "Cancel" unless that would read like the action itself (next to "Cancel campaign"). */
  dismissLabel?: string;
  /** Destructive unless the action is as easily undone (back to draft, enabling someone again). */
  tone?: "destructive" | "default";
  field?: ConfirmField;
  /** Given the field's text, trimmed ("" without a field). */
  action: (text: string) => Promise<ConfirmOutcome>;
  /** After the action succeeded, before the dialog closes. */
  onDone?: () => void;
  /** "end-chat": the dialog is end-chat-dialog and its buttons end-chat-confirm and end-chat-cancel. */
  testId?: string;
}

interface Props {
  request: ConfirmRequest;
  open: boolean;
  onNext: (next: ConfirmRequest) => void;
  onClose: () => void;
  /** Where focus goes back to on close; Radix alone returns it only to a DialogTrigger. */
  opener?: RefObject<HTMLElement | null>;
}

export function ConfirmDialog({ request, open, onNext, onClose, opener }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const contentRef = useRef<HTMLDivElement>(null);
  const ids = request.testId ? `${request.testId}-` : "confirm-dialog-";
  const focusStart = () => contentRef.current?.querySelector<HTMLElement>("textarea, [data-confirm-cancel]")?.focus();
  const { field } = request;

  const run = async () => {
    if (field && !text.trim()) {
      setFieldError(field.required);
      contentRef.current?.querySelector("textarea")?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const settled = await settle(() => request.action(text.trim()));
    setPending(false);
    if (settled.kind === "next") {
      onNext(settled.next);
      // Once re-rendered: the button is still disabled by the pending state until then.
      window.setTimeout(focusStart, 0);
    } else if (settled.kind === "error") setError(settled.message);
    else {
      request.onDone?.();
      onClose();
    }
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !next && !pending && onClose()}>
      <DialogContent
        title={request.title}
        description={request.body}
        ref={contentRef}
        data-testid={request.testId ? `${request.testId}-dialog` : "confirm-dialog"}
        onOpenAutoFocus={(e) => {
          e.preventDefault();
          focusStart();
        }}
        onCloseAutoFocus={(e) => {
          const el = opener?.current;
          if (!el?.isConnected) return;
          e.preventDefault();
          el.focus();
        }}
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        {field ? (
          <Field id={`${ids}field`} label={field.label} hint={field.hint} error={fieldError}>
            <Textarea
              value={text}
              maxLength={field.maxLength}
              disabled={pending}
              onChange={(e) => {
                setText(e.target.value);
                setFieldError(undefined);
              }}
            />
          </Field>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="outline" disabled={pending} onClick={onClose} data-testid={`${ids}cancel`} data-confirm-cancel>
            {request.dismissLabel ?? "Cancel"}
          </Button>
          <Button
            type="button"
            variant={(request.tone ?? "destructive") === "destructive" ? "destructive" : "default"}
            disabled={pending}
            aria-busy={pending || undefined}
            onClick={() => void run()}
            data-testid={`${ids}confirm`}
          >
            {pending ? (request.pendingLabel ?? `${request.confirmLabel}…`) : request.confirmLabel}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

/** `ask(request)` from any handler, and `dialog` rendered once anywhere in the component. */
export function useConfirm(): { ask: (request: ConfirmRequest) => void; dialog: ReactNode } {
  const [state, setState] = useState<{ request: ConfirmRequest; serial: number } | null>(null);
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const ask = useCallback((request: ConfirmRequest) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setState((s) => ({ request, serial: (s?.serial ?? 0) + 1 }));
    setOpen(true);
  }, []);
  const dialog = state ? (
    // A new question starts with no error and no pending action left from the one before.
    <ConfirmDialog
      key={state.serial}
      request={state.request}
      open={open}
      opener={opener}
      onNext={(request) => setState((s) => (s ? { ...s, request } : s))}
      onClose={() => setOpen(false)}
    />
  ) : null;
  return { ask, dialog };
}
