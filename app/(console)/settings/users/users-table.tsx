"use client";
// Every change here asks first, in a dialog saying what it does to that person; the role select and the approver box
// stay at the saved value until the change is confirmed and stored.
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirm, type ConfirmOutcome } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ROLE_LABEL, ROLES, type Role } from "@/lib/auth/roles";
import { changeUserRoleAction, setUserCanApproveAction, setUserDisabledAction } from "./actions";
import { approverWords, disableWords, roleChangeWords, type ConfirmWords } from "./confirm-words";
import { ResetPasswordDialog } from "./reset-password-dialog";

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
  const ask = (words: ConfirmWords, action: () => Promise<ConfirmOutcome>, tone?: "default") =>
    confirm.ask({ ...words, tone, action, onDone: () => router.refresh() });

  return (
    <div className="grid gap-3">
      {confirm.dialog}
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
                <Select
                  aria-label={`Role of ${u.email}`}
                  className="h-8 w-36"
                  value={u.role}
                  onChange={(ev) => {
                    const role = ev.target.value as Role;
                    if (role !== u.role) ask(roleChangeWords(u, role), () => changeUserRoleAction({ userId: u.id, role }));
                  }}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABEL[r]}
                    </option>
                  ))}
                </Select>
              </TD>
              <TD>
                {/* Admins may always approve other people's launches. */}
                <label className="flex items-center gap-2 text-xs">
                  <input
                    type="checkbox"
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
                {u.id === meId ? (
                  <span className="text-xs text-muted-foreground">You</span>
                ) : (
                  <div className="flex justify-end gap-2">
                    <ResetPasswordDialog userId={u.id} email={u.email} />
                    <Button
                      size="sm"
                      variant={u.disabled ? "outline" : "destructive"}
                      onClick={() =>
                        ask(disableWords(u), () => setUserDisabledAction({ userId: u.id, disabled: !u.disabled }), u.disabled ? "default" : undefined)
                      }
                    >
                      {u.disabled ? `Enable ${u.email}` : `Disable ${u.email}`}
                    </Button>
                  </div>
                )}
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
