"use client";
// Loading and failure of one Connect listing. A failure shows the gateway's reason: an empty list would wrongly
// suggest that the instance has no numbers or flows.
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function QueryStatus({ query, what }: { query: UseQueryResult<unknown>; what: string }) {
  if (query.isError) {
    return (
      <Alert tone="error" className="flex flex-wrap items-center justify-between gap-2">
        <span>
          Cannot load {what}: {query.error.message}
        </span>
        <Button type="button" variant="outline" size="sm" onClick={() => void query.refetch()} disabled={query.isFetching}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (query.isPending && query.fetchStatus === "fetching") {
    return (
      <p role="status" className="text-xs text-muted-foreground">
        Loading {what}…
      </p>
    );
  }
  return null;
}
