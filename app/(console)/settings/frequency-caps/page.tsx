import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { FrequencyCapsSection } from "../frequency-caps-section";
import { SettingsHeader } from "../settings-header";
import { settingsMetadata } from "../settings-sections";

export const metadata = settingsMetadata("frequency-caps");

export default async function FrequencyCapsSettingsPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <SettingsHeader
        id="frequency-caps"
        role={user.role}
        description="How often one number may be contacted across campaigns, counted over every chat the console started for it (campaign and test sends, not chats the customer started). Campaigns marked exempt, such as service notices, are sent regardless."
      />
      <div className="max-w-4xl">
        <FrequencyCapsSection canEdit={hasRole(user.role, "admin")} />
      </div>
    </>
  );
}
