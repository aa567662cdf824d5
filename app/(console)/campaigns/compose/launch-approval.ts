"use client";
// Whether the launch dialog's confirm submits for approval: the admin's rule covers this many recipients and the draft
// being edited has no approval that the save would keep (an unchanged draft approved by someone else launches).
import { usePathname } from "next/navigation";
import { useFormContext } from "react-hook-form";
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import { approvalReasons, type ApprovalSetting } from "@/lib/settings/approval-schema";

const EDIT_PATH = /^\/campaigns\/([0-9a-f-]{36})\/edit/;

export function useLaunchApproval(valid: number, open: boolean): { submits: boolean; reasons: string[]; withdraws: string | null } {
  const campaignId = EDIT_PATH.exec(usePathname())?.[1];
  const { formState } = useFormContext();
  const setting = useQuery({
    queryKey: ["settings", "approval"],
    queryFn: ({ signal }) => fetchJson<{ approval: ApprovalSetting }>("/api/v1/settings/approval", signal).then((b) => b.approval),
    enabled: open,
    staleTime: 0,
  });
  const latest = useQuery({
    queryKey: ["approvals", "campaign", campaignId],
    queryFn: ({ signal }) =>
      fetchJson<{ approvals: { status: string; decidedByEmail: string | null }[] }>(`/api/v1/approvals?campaignId=${campaignId}`, signal).then(
        (b) => b.approvals[0] ?? null,
      ),
    enabled: open && campaignId !== undefined,
    staleTime: 0,
  });
  const reasons = setting.data ? approvalReasons(setting.data, valid) : [];
  const approved = latest.data?.status === "approved";
  const keeps = approved && !formState.isDirty;
  return { submits: reasons.length > 0 && !keeps, reasons, withdraws: approved && formState.isDirty ? latest.data!.decidedByEmail : null };
}
