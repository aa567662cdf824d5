import { requirePageUser } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";
import { SettingsNav } from "./settings-nav";

// Every settings page sits beside (on a phone: below) the settings navigation; each page guards its own role too,
// since a layout does not run again when only the page below it changes. Each page's header says what its reader may
// not change (settings-header.tsx), so there is no second note here.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("viewer");
  return (
    <div className="grid gap-4 lg:grid-cols-[12rem_minmax(0,1fr)] lg:gap-6">
      <SettingsNav role={user.role} mode={env().CONNECT_MODE} />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
