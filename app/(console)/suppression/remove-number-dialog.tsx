"use client";
// Removing a number lets campaigns contact it again, so it asks for a reason, which the audit log keeps. A toast then
// offers Undo, which puts the number back with its old reason through the ordinary add (audited as its own change).
import { useQueryClient } from "@tanstack/react-query";
import { callAction } from "@/components/forms/call-action";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast-store";
import { addSuppressionAction, removeSuppressionAction } from "./actions";
import { SUPPRESSION_KEY, type SuppressionRow } from "./suppression-api";

// Adding a number needs a reason; opt-outs recorded from a keyword can have none.
const UNDONE = "Removal undone";

export function useRemoveNumberDialog() {
  const queryClient = useQueryClient();
  const confirm = useConfirm();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: SUPPRESSION_KEY });

  const undo = async (row: SuppressionRow) => {
    const res = await callAction(() => addSuppressionAction({ phone: row.phone, reason: row.reason || UNDONE }));
    refresh();
    toast(res.ok ? `${row.phone} is on the suppression list again` : `${row.phone} was not added back: ${res.error.message}`);
  };

  const ask = (row: SuppressionRow) =>
    confirm.ask({
      title: `Remove ${row.phone}?`,
      body: `Once removed, campaigns may contact ${row.phone} again.`,
      confirmLabel: "Remove number",
      pendingLabel: "Removing…",
      field: {
        label: "Reason",
        hint: "Why this number may be contacted again; kept in the audit log",
        required: "Say why this number may be contacted again",
        maxLength: 500,
      },
      action: async (reason) => {
        const res = await callAction(() => removeSuppressionAction({ phone: row.phone, reason }));
        if (res.ok) return res;
        // Someone else removed it meanwhile: the list is out of date either way.
        if (res.error.code === "not_found") refresh();
        return { ok: false, error: { message: res.error.fields?.reason ?? res.error.message } };
      },
      onDone: () => {
        refresh();
        toast(`Removed ${row.phone} from the suppression list`, { label: "Undo", run: () => void undo(row) });
      },
    });

  return { ask, dialog: confirm.dialog };
}
