"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ROLE_LABEL, ROLES, type Role } from "@/lib/auth/roles";
import type { ActionResult } from "@/lib/actions/safe-action";
import { changeUserRoleAction, setUserCanApproveAction, setUserDisabledAction } from "./actions";
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

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "Never");

export function UsersTable({ users, meId }: { users: UserRow[]; meId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (run: () => Promise<ActionResult<unknown>>) => run(),
    onSuccess: (res) => {
      setError(res.ok ? null : res.error.message);
      router.refresh();
    },
  });

  return (
    <div className="grid gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
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
                  disabled={mutation.isPending}
                  onChange={(ev) => {
                    // Read now: the controlled field is back at its saved value by the time the mutation runs.
                    const role = ev.target.value as Role;
                    mutation.mutate(() => changeUserRoleAction({ userId: u.id, role }));
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
                    disabled={u.role === "admin" || mutation.isPending}
                    onChange={(ev) => {
                      const canApprove = ev.target.checked;
                      mutation.mutate(() => setUserCanApproveAction({ userId: u.id, canApprove }));
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
              <TD className="text-muted-foreground">{when(u.lastSignInAt)}</TD>
              <TD className="text-right">
                {u.id === meId ? (
                  <span className="text-xs text-muted-foreground">You</span>
                ) : (
                  <div className="flex justify-end gap-2">
                    <ResetPasswordDialog userId={u.id} email={u.email} />
                    <Button
                      size="sm"
                      variant={u.disabled ? "outline" : "destructive"}
                      disabled={mutation.isPending}
                      onClick={() => mutation.mutate(() => setUserDisabledAction({ userId: u.id, disabled: !u.disabled }))}
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
