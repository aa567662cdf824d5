import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { SendWindowSection } from "../send-window-section";
import { SettingsHeader } from "../settings-header";
import { settingsMetadata } from "../settings-sections";

export const metadata = settingsMetadata("send-window");

export default async function SendWindowSettingsPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <SettingsHeader
        id="send-window"
        role={user.role}
        description="When recipients may be contacted, in their own time zone (from the number's country and area code, or the list's timezone column). A recipient outside the window waits and is sent when it opens. Campaigns may choose no window or hours of their own."
      />
      <div className="max-w-4xl">
        <SendWindowSection canEdit={hasRole(user.role, "admin")} />
      </div>
    </>
  );
}
