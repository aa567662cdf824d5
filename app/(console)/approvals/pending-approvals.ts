"use client";
// The pending approvals, polled for the header badge; deciding one refreshes it at once.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";

export const PENDING_APPROVALS_KEY = ["approvals", "pending"] as const;

export function usePendingApprovalCount() {
  return useQuery({
    queryKey: PENDING_APPROVALS_KEY,
    queryFn: ({ signal }) => fetchJson<{ approvals: unknown[] }>("/api/v1/approvals?status=pending", signal).then((b) => b.approvals.length),
    refetchInterval: 30_000,
  });
}
