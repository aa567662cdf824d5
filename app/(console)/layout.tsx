import { BackendBanner } from "@/components/console/backend-banner";
import { Sidebar } from "@/components/console/sidebar";
import { UserMenu } from "@/components/console/user-menu";
import { mayApprove } from "@/lib/approvals/queries";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/runtime/current";
import { ApprovalsBadge } from "./approvals/approvals-badge";
import { env } from "@/lib/env";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const e = env();
  const approver = await mayApprove(await getDb(), user);
  return (
    <div className="flex min-h-screen flex-col">
      <BackendBanner mode={e.CONNECT_MODE} region={e.region} />
      <div className="flex flex-1 flex-col md:flex-row">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center justify-end border-b border-border bg-card px-4 md:px-6">
            {approver ? <ApprovalsBadge /> : null}
            <UserMenu email={user.email} role={user.role} />
          </header>
          <main className="min-w-0 flex-1 p-4 md:p-6">{children}</main>
        </div>
      </div>
    </div>
  );
}
