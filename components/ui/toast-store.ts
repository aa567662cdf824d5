// The toasts on screen, outside React so any handler can add one (toast("Removed +44…", { action })). The <Toaster/>
// in the console layout reads them with useSyncExternalStore.
export interface ToastAction {
  /** "Undo". */
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  message: string;
  action?: ToastAction;
}

/** More would push the page out of sight on a phone; the oldest make way. */
export const MAX_TOASTS = 3;

let toasts: readonly Toast[] = [];

let serial = 0;
const listeners = new Set<() => void>();

function set(next: readonly Toast[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

export function toast(message: string, action?: ToastAction): number {
  const id = ++serial;
  set([...toasts, { id, message, action }].slice(-MAX_TOASTS));
  return id;
}

export function dismissToast(id: number) {
  if (toasts.some((t) => t.id === id)) set(toasts.filter((t) => t.id !== id));
}

export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export const getToasts = () => toasts;
const NONE: readonly Toast[] = [];
/** Nothing is shown before hydration. */
export const getServerToasts = () => NONE;
