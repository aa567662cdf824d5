// In-process hints between background loops: a loop that has just done what another waits for wakes it, instead of
// leaving it to its next interval. Only a hint: every loop still polls on its own, and other processes are not told.
// Kept on globalThis because the server's own modules and Next's bundle each load a copy of this file.
export type SignalName = "contact-recorded" | "recipients-requeued";

type Listener = () => void;
const g = globalThis as unknown as { __backgroundSignals?: Map<SignalName, Set<Listener>> };
const listeners = (g.__backgroundSignals ??= new Map());

export function signal(name: SignalName): void {
  for (const listener of listeners.get(name) ?? []) listener();
}

/** Calls `listener` on each signal until the returned function is called. */
export function onSignal(name: SignalName, listener: Listener): () => void {
  let set = listeners.get(name);
  if (!set) listeners.set(name, (set = new Set()));
  set.add(listener);
  return () => void set.delete(listener);
}
