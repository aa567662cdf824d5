// A component whose code loads when it first renders, with preload() to start the download earlier, as its trigger
// is pointed at or focused: for dialog bodies and other parts a page shows only on request.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";

export type LazyComponent<P extends object> = LazyExoticComponent<ComponentType<P>> & { preload: () => void };

export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let pending: Promise<{ default: ComponentType<P> }> | undefined;
  const loaded = () =>
    (pending ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        // A failed download (a dropped connection) is tried again next time rather than remembered.
        pending = undefined;
        throw error;
      },
    ));
  return Object.assign(lazy(loaded), { preload: () => void loaded().catch(() => undefined) });
}
