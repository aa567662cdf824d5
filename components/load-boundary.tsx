"use client";
// Around a part whose code loads on demand (components/lazy-component.ts): a placeholder of the part's size while it
// downloads, and if the download fails (a dropped connection, a deploy that replaced the files) a message saying so
// with a button that tries again, instead of a blank area.
import { Component, Suspense, useSyncExternalStore, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

interface Props {
  /** What loads, as the start of a sentence: "The recipient check". */
  what: string;
  /** Shown while the code downloads; as tall as the part, so nothing below it jumps. */
  fallback: ReactNode;
  children: ReactNode;
  /**
   * Draw the part only in the browser, the placeholder on the server. For forms: react-hook-form fills its fields
   * when its code runs, so a server-drawn form would show empty fields that take typing only to reset it.
   */
  browserOnly?: boolean;
}

const noSubscription = () => () => {};

export function LoadBoundary({ what, fallback, children, browserOnly = false }: Props) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (browserOnly && !inBrowser) return fallback;
  return (
    <LoadErrorBoundary what={what}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadErrorBoundary>
  );
}

/** A placeholder block of a fixed height, announced as loading. */
export function LoadingBlock({ height, label, className }: { height: number | string; label: string; className?: string }) {
  return (
    <div role="status" aria-busy="true" className={className} style={{ minHeight: height }}>
      <p className="text-sm text-muted-foreground">{label}</p>
    </div>
  );
}

class LoadErrorBoundary extends Component<{ what: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert tone="error" className="grid gap-2">
        <p>{this.props.what} could not be loaded. Check the connection and try again.</p>
        <div>
          <Button type="button" variant="outline" size="sm" onClick={() => this.setState({ failed: false })}>
            Try again
          </Button>
        </div>
      </Alert>
    );
  }
}
