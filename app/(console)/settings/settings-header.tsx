import { Lock } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import type { Role } from "@/lib/auth/roles";
import { readOnlyNote, settingsSection, type SettingsSectionId } from "./settings-sections";

/** A settings page's heading; for someone who reads the page but may not change it, one quiet line saying so. */
export function SettingsHeader({ id, role, description }: { id: SettingsSectionId; role: Role; description: string }) {
  const note = readOnlyNote(id, role);
  return (
    <>
      <PageHeader title={settingsSection(id).title} description={description} />
      {note ? (
        <p className="-mt-3 mb-6 flex items-center gap-1.5 text-sm text-muted-foreground" data-testid="settings-read-only">
          <Lock className="size-3.5 shrink-0" aria-hidden />
          {note}
        </p>
      ) : null}
    </>
  );
}
