import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { readSimulatorSettings } from "@/lib/connect/simulator-admin";
import type { SimulatorSettings } from "@/lib/connect/simulator-settings";
import { getRuntime } from "@/lib/runtime/current";
import { SettingsHeader } from "../settings-header";
import { settingsMetadata } from "../settings-sections";
import { SimulatorForm } from "../simulator-form";

export const metadata = settingsMetadata("simulator");

async function simulatorSettings(): Promise<SimulatorSettings | string> {
  try {
    return await readSimulatorSettings();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export default async function SimulatorSettingsPage() {
  const user = await requirePageUser("admin");
  // Against AWS there is no simulator to tune: the page does not exist, as the navigation does not list it.
  if ((await getRuntime()).env.CONNECT_MODE !== "local") notFound();
  const simulator = await simulatorSettings();
  return (
    <>
      <SettingsHeader
        id="simulator"
        role={user.role}
        description="Quotas and injected faults of the built-in Connect, for trying out throttling and failures."
      />
      <Card className="max-w-4xl">
        <CardContent className="pt-5">
          {typeof simulator === "string" ? <Alert tone="error">{simulator}</Alert> : <SimulatorForm initial={simulator} />}
        </CardContent>
      </Card>
    </>
  );
}
