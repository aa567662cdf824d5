import { Card, CardContent } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { readOptKeywords } from "@/lib/replies/apply";
import { getDb } from "@/lib/runtime/current";
import { OptKeywordsForm } from "../opt-keywords-form";
import { SettingsHeader } from "../settings-header";
import { settingsMetadata } from "../settings-sections";

export const metadata = settingsMetadata("opt-out");

export default async function OptOutSettingsPage() {
  const user = await requirePageUser("viewer");
  const optKeywords = await readOptKeywords(await getDb());
  return (
    <>
      <SettingsHeader
        id="opt-out"
        role={user.role}
        description="A customer message that is exactly one of these words adds the number to the suppression list, or takes it off."
      />
      <Card className="max-w-4xl">
        <CardContent className="pt-5">
          <OptKeywordsForm current={optKeywords} canEdit={hasRole(user.role, "admin")} />
        </CardContent>
      </Card>
    </>
  );
}
