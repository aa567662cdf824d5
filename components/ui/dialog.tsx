"use client";
// Dialogs whose Radix part (about 12 kB gzipped) loads when one first opens, or as its trigger is pointed at or
// focused (dialog-panel.tsx), rather than with every page that has a dialog. Every dialog here is controlled: the
// caller holds `open`, the trigger and close buttons change it through `onOpenChange` as Radix's would.
import {
  Children,
  cloneElement,
  createContext,
  lazy,
  Suspense,
  use,
  useRef,
  useState,
  type FocusEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
  type RefObject,
} from "react";
import type { DialogContentProps } from "./dialog-panel";

const loadPanel = () => import("./dialog-panel");
const DialogPanel = lazy(() => loadPanel().then((m) => ({ default: m.DialogPanel })));
const preloadPanel = () => void loadPanel().catch(() => undefined);

interface DialogState {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLElement | null>;
}

const DialogContext = createContext<DialogState | null>(null);

function useDialog(part: string): DialogState {
  const state = use(DialogContext);
  if (!state) throw new Error(`${part} belongs inside a Dialog`);
  return state;
}

export function Dialog({ open, onOpenChange, children }: { open: boolean; onOpenChange: (open: boolean) => void; children: ReactNode }) {
  const trigger = useRef<HTMLElement | null>(null);
  return <DialogContext value={{ open, onOpenChange, trigger }}>{children}</DialogContext>;
}

interface ButtonLikeProps {
  type?: "button" | "submit" | "reset";
  ref?: Ref<HTMLElement>;
  onClick?: (e: MouseEvent<HTMLElement>) => void;
  onPointerEnter?: (e: PointerEvent<HTMLElement>) => void;
  onFocus?: (e: FocusEvent<HTMLElement>) => void;
}

// As Radix composes handlers: the element's own first, then the dialog's unless the first prevented the default.
function composed<E extends { defaultPrevented: boolean }>(own: ((e: E) => void) | undefined, dialogs: (e: E) => void) {
  return (e: E) => {
    own?.(e);
    if (!e.defaultPrevented) dialogs(e);
  };
}

function bothRefs(own: Ref<HTMLElement> | undefined, dialogs: RefObject<HTMLElement | null>) {
  return (node: HTMLElement | null) => {
    dialogs.current = node;
    if (typeof own === "function") own(node);
    else if (own) own.current = node;
  };
}

/** The button that opens the dialog (always `asChild`: the child is the button). */
export function DialogTrigger({ children }: { asChild: true; children: ReactElement<ButtonLikeProps> }) {
  const { open, onOpenChange, trigger } = useDialog("DialogTrigger");
  const child = Children.only(children);
  return cloneElement(child, {
    type: child.props.type ?? "button",
    "aria-haspopup": "dialog",
    "aria-expanded": open,
    "data-state": open ? "open" : "closed",
    ref: bothRefs(child.props.ref, trigger),
    onPointerEnter: composed(child.props.onPointerEnter, preloadPanel),
    onFocus: composed(child.props.onFocus, preloadPanel),
    onClick: composed(child.props.onClick, () => onOpenChange(!open)),
  } as ButtonLikeProps);
}

/** A button inside the dialog that closes it (always `asChild`). */
export function DialogClose({ children }: { asChild: true; children: ReactElement<ButtonLikeProps> }) {
  const { onOpenChange } = useDialog("DialogClose");
  const child = Children.only(children);
  return cloneElement(child, { type: child.props.type ?? "button", onClick: composed(child.props.onClick, () => onOpenChange(false)) });
}

export function DialogContent(props: DialogContentProps) {
  const { open, onOpenChange, trigger } = useDialog("DialogContent");
  // Mounted from the first opening on, so that closing is left to Radix (focus return included) as before.
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <DialogPanel open={open} onOpenChange={onOpenChange} trigger={trigger} {...props} />
    </Suspense>
  );
}
