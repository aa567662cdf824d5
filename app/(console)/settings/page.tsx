import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { getRuntime } from "@/lib/server/runtime";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("viewer");
  const rt = await getRuntime();
  const e = rt.env;
  return (
    <>
      <PageHeader title="Settings" description="How this console reaches Amazon Connect, and who may use it." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Amazon Connect</CardTitle>
            <CardDescription>Where campaign sends and chat events go.</CardDescription>
          </CardHeader>
          <CardContent>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-2 text-sm">
              <dt className="text-muted-foreground">Mode</dt>
              <dd data-testid="connect-mode">{e.CONNECT_MODE === "local" ? "Local simulator" : "AWS"}</dd>
              <dt className="text-muted-foreground">Region</dt>
              <dd>{e.region}</dd>
              <dt className="text-muted-foreground">Endpoint</dt>
              <dd className="font-mono text-xs">{rt.connectEndpoint ?? "AWS default for the region"}</dd>
              <dt className="text-muted-foreground">Database</dt>
              <dd>{rt.database.kind === "pglite" ? "Embedded (PGlite)" : "PostgreSQL"}</dd>
            </dl>
          </CardContent>
        </Card>
        {hasRole(user.role, "admin") ? (
          <Card>
            <CardHeader>
              <CardTitle>Users</CardTitle>
              <CardDescription>Add people, change their roles, disable accounts.</CardDescription>
            </CardHeader>
            <CardContent>
              <Link className="text-sm font-medium text-primary hover:underline" href="/settings/users">
                Manage users
              </Link>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
