import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/runtime/current";
import { listPublicUsers } from "@/lib/accounts/actions";
import { AddUserDialog } from "./add-user-dialog";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePageUser("admin");
  const users = await listPublicUsers(await getDb());
  return (
    <>
      <PageHeader title="Users" description="Who may sign in, and with which role." actions={<AddUserDialog />} />
      <UsersTable
        users={users.map((u) => ({ ...u, lastSignInAt: u.lastSignInAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() }))}
        meId={me.id}
      />
    </>
  );
}
