import { Suspense } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { getRuntime } from "@/lib/runtime/current";
import { configuredAccountRate } from "@/lib/settings/account-rate";
import { SendRateFormOnDemand } from "../sending-forms-on-demand";
import { SendingCapacitySection } from "../sending-capacity-section";
import { SettingsHeader } from "../settings-header";
import { settingsMetadata } from "../settings-sections";

export const metadata = settingsMetadata("sending");

export default async function SendingSettingsPage() {
  const user = await requirePageUser("viewer");
  const rt = await getRuntime();
  const accountRate = await configuredAccountRate(rt.database.db, rt.env.ACCOUNT_SENDS_PER_SECOND);
  const canEdit = hasRole(user.role, "admin");
  return (
    <>
      <SettingsHeader id="sending" role={user.role} description="How fast campaigns may call Amazon Connect, and what run-time estimates assume." />
      {/* min-w-0 down to the tables: a wide table scrolls inside its card instead of widening the page on a phone. */}
      <div className="grid max-w-4xl min-w-0 gap-4">
        <Card>
          <CardHeader>
            <CardTitle>Account send rate</CardTitle>
            <CardDescription>Shared by every campaign on this Connect account and Region.</CardDescription>
          </CardHeader>
          <CardContent>
            <SendRateFormOnDemand current={accountRate} canEdit={canEdit} />
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Number throughput and WhatsApp limit</CardTitle>
            <CardDescription>What run-time estimates assume each source number and the WhatsApp business portfolio allow.</CardDescription>
          </CardHeader>
          <CardContent className="min-w-0">
            <Suspense fallback={<p className="text-sm text-muted-foreground">Asking Connect for numbers…</p>}>
              <SendingCapacitySection canEdit={canEdit} />
            </Suspense>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
