"use client";
import { Button } from "@/components/ui/button";

/** The "Load more" button under a cursor-paged list (a TanStack infinite query). */
export function LoadMore({ list }: { list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> } }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="flex justify-center">
      <Button
        type="button"
        variant="outline"
        onClick={() => void list.fetchNextPage()}
        disabled={list.isFetchingNextPage}
        aria-busy={list.isFetchingNextPage || undefined}
      >
        Load more
      </Button>
    </div>
  );
}
