import { BackendBanner } from "@/components/console/backend-banner";
import { MobileNav } from "@/components/console/mobile-nav";
import { Sidebar } from "@/components/console/sidebar";
import { ThemeToggle } from "@/components/console/theme-toggle";
import { UserMenu } from "@/components/console/user-menu";
import { Toaster } from "@/components/ui/toaster";
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
      <a href="#main" className="sr-only z-50 rounded-md bg-card px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>
      <BackendBanner mode={e.CONNECT_MODE} region={e.region} />
      <div className="flex flex-1 flex-col md:flex-row">
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center gap-2 border-b border-border bg-card px-4 md:px-6">
            <MobileNav email={user.email} role={user.role} />
            <div className="ml-auto flex shrink-0 items-center">
              {approver ? <ApprovalsBadge /> : null}
              <ThemeToggle className="md:mr-3" />
              <UserMenu email={user.email} role={user.role} className="hidden md:flex" />
            </div>
          </header>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 outline-none md:p-6">
            {children}
          </main>
        </div>
      </div>
      <Toaster />
    </div>
  );
}
