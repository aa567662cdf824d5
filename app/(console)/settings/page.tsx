import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getRuntime } from "@/lib/runtime/current";
import { ConnectOverview } from "./connect-overview";
import { SettingsHeader } from "./settings-header";
import { settingsMetadata, settingsSectionsFor } from "./settings-sections";

export const metadata = settingsMetadata("overview");

export default async function SettingsPage() {
  const user = await requirePageUser("viewer");
  const rt = await getRuntime();
  const e = rt.env;
  const sections = settingsSectionsFor(user.role, e.CONNECT_MODE).filter((s) => s.id !== "overview");
  return (
    <>
      <SettingsHeader id="overview" role={user.role} description="How this console reaches Amazon Connect, the rules campaigns keep to, and who may use it." />
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>Amazon Connect</CardTitle>
            <CardDescription>Where campaign sends and chat events go.</CardDescription>
          </CardHeader>
          <CardContent className="grid min-w-0 gap-4">
            <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-y-2 text-sm">
              <dt className="text-muted-foreground">Mode</dt>
              <dd data-testid="connect-mode">{e.CONNECT_MODE === "local" ? "Local simulator" : "AWS"}</dd>
              <dt className="text-muted-foreground">Region</dt>
              <dd>{e.region}</dd>
              <dt className="text-muted-foreground">Endpoint</dt>
              <dd className="font-mono text-xs break-all">{rt.connectEndpoint ?? "AWS default for the region"}</dd>
              <dt className="text-muted-foreground">Database</dt>
              <dd>{rt.database.kind === "pglite" ? "Embedded (PGlite)" : "PostgreSQL"}</dd>
            </dl>
            <ConnectOverview />
          </CardContent>
        </Card>
        <section aria-labelledby="settings-sections-title" className="grid content-start gap-2">
          <h2 id="settings-sections-title" className="text-base font-semibold">
            In settings
          </h2>
          <ul className="grid gap-2 sm:grid-cols-2 2xl:grid-cols-1" data-testid="settings-sections">
            {sections.map((s) => (
              <li key={s.id}>
                <Link href={s.href} className="block h-full rounded-lg border border-border bg-card px-4 py-3 hover:bg-muted">
                  <span className="text-sm font-medium text-primary">{s.title}</span>
                  <span className="mt-0.5 block text-sm text-muted-foreground">{s.summary}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
