// A component whose code loads when it first renders, with preload() to start the download earlier, as its trigger
// is pointed at or focused: for dialog bodies and other parts a page shows only on request.
import { createElement, use, type ComponentType } from "react";

export type LazyComponent<P extends object> = ComponentType<P> & { preload: () => void };

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let pending: Promise<ComponentType<P>> | undefined;
  const loaded = () =>
    (pending ??= load().catch((error: unknown) => {
      // A failed download (a dropped connection) is tried again at the next render rather than remembered, which
      // React.lazy would not do: it keeps the first failure for good, so an error boundary's "Try again" could not work.
      pending = undefined;
      throw error;
    }));
  function Lazy(props: P) {
    return createElement(use(loaded()), props);
  }
  return Object.assign(Lazy, { preload: () => void loaded().catch(() => undefined) });
}
