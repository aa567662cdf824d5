"use client";
// A query that follows the live source's version: read again when the figures move, no sooner than `minMs` after its
// last read, and never while a read is under way (one that began before the move could miss it, so the move is kept
// and answered once that read lands).
import { useEffect, useRef } from "react";

interface Followed {
  /** When the query's data was last read (TanStack's dataUpdatedAt). */
  updatedAt: number;
  isFetching: boolean;
  refetch: () => unknown;
}

export function useFollowVersion(version: string | null, minMs: number, { updatedAt, isFetching, refetch }: Followed): void {
  // The version the query's data has caught up with: the first one seen, since the query reads at mount anyway.
  const caughtUp = useRef(version);
  useEffect(() => {
    if (version === null || version === caughtUp.current || isFetching) return;
    const timer = setTimeout(
      () => {
        caughtUp.current = version;
        void refetch();
      },
      Math.max(0, updatedAt + minMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [version, minMs, updatedAt, isFetching, refetch]);
}
