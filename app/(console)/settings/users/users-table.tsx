"use client";
// Every change here asks first, in a dialog saying what it does to that person; the approver box stays at the saved
// value until the change is confirmed and stored. A row's changes sit in its action menu; a role change or disabling
// someone can then be undone from the toast, through the inverse action (audited as a change of its own).
import { useRouter } from "next/navigation";
import { callAction } from "@/components/forms/call-action";
import { ActionMenu, type ActionMenuItem } from "@/components/ui/action-menu";
import { Badge } from "@/components/ui/badge";
import { useConfirm, type ConfirmOutcome } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { toast } from "@/components/ui/toast-store";
import type { ActionResult } from "@/lib/actions/safe-action";
import { ROLE_LABEL, ROLES, type Role } from "@/lib/auth/roles";
import { changeUserRoleAction, setUserCanApproveAction, setUserDisabledAction } from "./actions";
import { approverWords, changedWords, disableWords, roleChangeWords, type ConfirmWords } from "./confirm-words";
import { useResetPasswordDialog } from "./reset-password-dialog";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  canApprove: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export function UsersTable({ users, meId }: { users: UserRow[]; meId: string }) {
  const router = useRouter();
  const confirm = useConfirm();
  const reset = useResetPasswordDialog();
  const ask = (words: ConfirmWords, action: () => Promise<ConfirmOutcome>, tone?: "default", onDone?: () => void) =>
    confirm.ask({
      ...words,
      tone,
      action,
      onDone: () => {
        router.refresh();
        onDone?.();
      },
    });

  // `undo` runs the inverse change; its own outcome is a toast too, since the menu that started it has moved on.
  const changed = (message: string, undo?: { run: () => Promise<ActionResult<unknown>>; done: string }) =>
    toast(
      message,
      undo && {
        label: "Undo",
        run: () =>
          void callAction(undo.run).then((res) => {
            router.refresh();
            toast(res.ok ? undo.done : `Not undone: ${res.error.message}`);
          }),
      },
    );

  const changeRole = (u: UserRow, role: Role) =>
    ask(
      roleChangeWords(u, role),
      () => changeUserRoleAction({ userId: u.id, role }),
      undefined,
      () =>
        changed(changedWords(u.email, { role }), {
          run: () => changeUserRoleAction({ userId: u.id, role: u.role }),
          done: changedWords(u.email, { role: u.role }, true),
        }),
    );

  const toggleDisabled = (u: UserRow) => {
    const disabled = !u.disabled;
    ask(
      disableWords(u),
      () => setUserDisabledAction({ userId: u.id, disabled }),
      disabled ? undefined : "default",
      () =>
        // Enabling again is offered as the undo of disabling; the undo of enabling would disable without asking.
        changed(
          changedWords(u.email, { disabled }),
          disabled
            ? { run: () => setUserDisabledAction({ userId: u.id, disabled: false }), done: changedWords(u.email, { disabled: false }, true) }
            : undefined,
        ),
    );
  };

  const menu = (u: UserRow): ActionMenuItem[] => {
    const roles = ROLES.filter((r) => r !== u.role).map((r) => ({ label: `Make ${ROLE_LABEL[r].toLowerCase()}…`, onSelect: () => changeRole(u, r) }));
    // Nobody resets or disables their own account from here: the server refuses disabling it anyway.
    if (u.id === meId) return roles;
    return [
      ...roles,
      { label: "Reset password…", onSelect: () => reset.ask(u), destructive: true },
      u.disabled ? { label: "Enable…", onSelect: () => toggleDisabled(u) } : { label: "Disable…", onSelect: () => toggleDisabled(u), destructive: true },
    ];
  };

  return (
    <div className="grid gap-3">
      {confirm.dialog}
      {reset.dialog}
      <Table aria-label="Users">
        <THead>
          <tr>
            <TH>Email</TH>
            <TH>Name</TH>
            <TH>Role</TH>
            <TH>Approver</TH>
            <TH>Status</TH>
            <TH>Last sign-in</TH>
            <TH className="text-right">Actions</TH>
          </tr>
        </THead>
        <TBody>
          {users.map((u) => (
            <TR key={u.id} data-testid={`user-row-${u.email}`}>
              <TD className="font-medium">{u.email}</TD>
              <TD>{u.name}</TD>
              <TD>
                {ROLE_LABEL[u.role]}
                {u.id === meId ? <span className="text-muted-foreground"> (you)</span> : null}
              </TD>
              <TD>
                {/* Admins may always approve other people's launches. */}
                <label className="flex min-h-6 items-center gap-2 text-xs">
                  <input
                    type="checkbox"
                    className="size-4"
                    aria-label={`${u.email} may approve launches`}
                    checked={u.role === "admin" || u.canApprove}
                    disabled={u.role === "admin"}
                    onChange={(ev) => {
                      const canApprove = ev.target.checked;
                      ask(approverWords(u), () => setUserCanApproveAction({ userId: u.id, canApprove }));
                    }}
                  />
                  {u.role === "admin" ? "Always (admin)" : "May approve"}
                </label>
              </TD>
              <TD>
                {u.disabled ? <Badge tone="danger">Disabled</Badge> : <Badge tone="success">Active</Badge>}
                {u.mustChangePassword ? (
                  <Badge tone="warning" className="ml-1">
                    Must change password
                  </Badge>
                ) : null}
              </TD>
              <TD className="whitespace-nowrap text-muted-foreground">
                <DateTime at={u.lastSignInAt} relative empty="Never" />
              </TD>
              <TD className="text-right">
                <ActionMenu label={`Actions for ${u.email}`} items={menu(u)} testId={`user-actions-${u.email}`} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
