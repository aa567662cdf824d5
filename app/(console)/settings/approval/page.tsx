import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { ApprovalSection } from "../approval-section";
import { SettingsHeader } from "../settings-header";
import { settingsMetadata } from "../settings-sections";

export const metadata = settingsMetadata("approval");

export default async function ApprovalSettingsPage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <SettingsHeader
        id="approval"
        role={user.role}
        description="Large launches, and WhatsApp sends of marketing templates, wait until a different person approves them: an admin, or a user an admin made an approver on Settings → Users. Nobody approves their own campaign."
      />
      <div className="max-w-4xl">
        <ApprovalSection canEdit={hasRole(user.role, "admin")} />
      </div>
    </>
  );
}
