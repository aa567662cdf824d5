import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { readSimulatorSettings } from "@/lib/connect/simulator-admin";
import type { SimulatorSettings } from "@/lib/connect/simulator-settings";
import { getRuntime } from "@/lib/runtime/current";
import { ConnectOverview } from "./connect-overview";
import { SimulatorForm } from "./simulator-form";
import { SendRateForm } from "./send-rate-form";
import { configuredAccountRate } from "@/lib/settings/account-rate";
import { readOptKeywords } from "@/lib/replies/apply";
import { OptKeywordsForm } from "./opt-keywords-form";
import { SendingCapacitySection } from "./sending-capacity-section";
import { ChatStreamingSection } from "./chat-streaming-section";
import { FrequencyCapsSection } from "./frequency-caps-section";
import { ApprovalSection } from "./approval-section";
import { SendWindowSection } from "./send-window-section";

export const metadata: Metadata = { title: "Settings" };

async function simulatorSettings(): Promise<SimulatorSettings | string> {
  try {
    return await readSimulatorSettings();
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export default async function SettingsPage() {
  const user = await requirePageUser("viewer");
  const rt = await getRuntime();
  const e = rt.env;
  const isAdmin = hasRole(user.role, "admin");
  const simulator = isAdmin && e.CONNECT_MODE === "local" ? await simulatorSettings() : null;
  const accountRate = await configuredAccountRate(rt.database.db, e.ACCOUNT_SENDS_PER_SECOND);
  const optKeywords = await readOptKeywords(rt.database.db);
  return (
    <>
      <PageHeader title="Settings" description="How this console reaches Amazon Connect, and who may use it." />
      <div className="grid gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Amazon Connect</CardTitle>
            <CardDescription>Where campaign sends and chat events go.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
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
            <ConnectOverview />
          </CardContent>
        </Card>
        {/* min-w-0 down to the tables: a wide table scrolls inside its card instead of widening the page on a phone. */}
        <div className="grid min-w-0 content-start gap-4">
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>Sending</CardTitle>
              <CardDescription>How fast campaigns may call Amazon Connect.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-6">
              <SendRateForm current={accountRate} canEdit={isAdmin} />
              <section aria-labelledby="sending-capacity-title" className="grid min-w-0 gap-3 border-t border-border pt-4">
                <div className="grid gap-1">
                  <h3 id="sending-capacity-title" className="text-sm font-semibold">
                    Number throughput and WhatsApp limit
                  </h3>
                  <p className="text-xs text-muted-foreground">What run-time estimates assume each source number and the WhatsApp business portfolio allow.</p>
                </div>
                <Suspense fallback={<p className="text-sm text-muted-foreground">Asking Connect for numbers…</p>}>
                  <SendingCapacitySection canEdit={isAdmin} />
                </Suspense>
              </section>
            </CardContent>
          </Card>
          <Card className="min-w-0">
            <CardHeader>
              <CardTitle>Chat streaming</CardTitle>
              <CardDescription>
                The Amazon SNS topic each instance&apos;s chats are streamed to, for delivered and read receipts, replies and chat ends.
              </CardDescription>
            </CardHeader>
            <CardContent className="min-w-0">
              <Suspense fallback={<p className="text-sm text-muted-foreground">Asking Connect for instances…</p>}>
                <ChatStreamingSection canEdit={isAdmin} />
              </Suspense>
            </CardContent>
          </Card>
          <FrequencyCapsSection canEdit={isAdmin} />
          <ApprovalSection canEdit={isAdmin} />
          <SendWindowSection canEdit={isAdmin} />
          <Card>
            <CardHeader>
              <CardTitle>Opt-out keywords</CardTitle>
              <CardDescription>A customer message that is exactly one of these words adds the number to the suppression list, or takes it off.</CardDescription>
            </CardHeader>
            <CardContent>
              <OptKeywordsForm current={optKeywords} canEdit={isAdmin} />
            </CardContent>
          </Card>
          {simulator !== null ? (
            <Card>
              <CardHeader>
                <CardTitle>Local simulator</CardTitle>
                <CardDescription>Quotas and injected faults of the built-in Connect, for trying out throttling and failures.</CardDescription>
              </CardHeader>
              <CardContent>{typeof simulator === "string" ? <Alert tone="error">{simulator}</Alert> : <SimulatorForm initial={simulator} />}</CardContent>
            </Card>
          ) : null}
          {isAdmin ? (
            <Card>
              <CardHeader>
                <CardTitle>Users and API keys</CardTitle>
                <CardDescription>Add people, change their roles, disable accounts; create and revoke keys for automation.</CardDescription>
              </CardHeader>
              <CardContent className="flex gap-4">
                <Link className="text-sm font-medium text-primary hover:underline" href="/settings/users">
                  Manage users
                </Link>
                <Link className="text-sm font-medium text-primary hover:underline" href="/settings/api-keys">
                  Manage API keys
                </Link>
              </CardContent>
            </Card>
          ) : null}
          {isAdmin ? (
            <Card data-testid="integrations-card">
              <CardHeader>
                <CardTitle>Inbound integrations</CardTitle>
                <CardDescription>Let a messaging provider post customers&apos; messages into Amazon Connect chats, signed and in order.</CardDescription>
              </CardHeader>
              <CardContent>
                <Link className="text-sm font-medium text-primary hover:underline" href="/settings/integrations">
                  Manage inbound integrations
                </Link>
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
