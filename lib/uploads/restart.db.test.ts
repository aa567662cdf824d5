// A restart between upload, save and launch loses nothing: the upload and the draft live in the database folder, and
// a console started again on it saves and launches the same list with the same counts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction, type ActionResult } from "@/lib/actions/safe-action";
import type { SessionUser } from "@/lib/auth/session";
import { launchCampaign, saveDraft } from "@/lib/campaigns/actions";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { migrateDatabase } from "@/lib/db/migrate";
import { openPglite } from "@/lib/db/open";
import { campaignRecipients, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { testDbKind } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { createUpload } from "./store";

const ROWS = 5_000;
const meta = { requestId: "r", ip: null, userAgent: null };

function csv(): string {
  const lines = ["phone,name"];
  for (let i = 0; i < ROWS; i++) lines.push(`${i % 100 === 99 ? "n/a" : `+1206${String(3_000_000 + (i % 1000 === 500 ? i - 2 : i))}`},Person ${i}`);
  return lines.join("\n");
}

// The file-backed PGlite is what a restart keeps; PostgreSQL keeps everything by being a server.
describe.runIf(testDbKind() === "pglite")("a restart between upload and launch", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "outbound-restart-"));
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let h: DatabaseHandle | undefined;
  let user: SessionUser;
  let target: { instanceId: string; sourcePhoneNumberArn: string; contactFlowId: string };

  const open = async () => {
    const handle = await openPglite(dir);
    await migrateDatabase(handle);
    return handle;
  };
  /** Closes the database and opens it again from its folder, as a console restarted on the same DATA_DIR does. */
  const restart = async () => {
    await h!.close();
    h = await open();
  };
  const call = async <T>(action: Parameters<typeof runAction>[0], input: unknown) =>
    (await runAction(action, input, { user, db: h!.db, meta })) as ActionResult<T>;

  beforeAll(async () => {
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    h = await open();
    const u = await insertUser(h.db, { email: "sup@example.com", name: "Sup", role: "supervisor", passwordHash: null });
    user = { id: u.id, email: u.email, name: u.name, role: "supervisor", sessionId: "s", mustChangePassword: false };
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!;
    const flow = (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!;
    target = { instanceId: instance.id, sourcePhoneNumberArn: number.arn, contactFlowId: flow.id };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("saves and launches the uploaded list after each restart, with the ledger equal to the check", async () => {
    const actor = { actorId: user.id, actorEmail: user.email, ...meta };
    const upload = await createUpload(h!.db, actor, user, { format: "csv", fileName: "list.csv", text: csv(), rowCount: ROWS, header: ["phone", "name"] });

    await restart();
    const saved = await call<{ campaignId: string; preflight: PreflightSummary }>(saveDraft, {
      campaign: {
        name: "After a restart",
        ...target,
        channel: "sms",
        recipients: { format: "csv", uploadId: upload.id, mapping: { phoneColumn: "phone", nameColumn: "name" } },
        message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}" },
      },
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const counts = saved.data.preflight.counts;
    expect(counts).toEqual({ valid: ROWS - 50 - 5, invalid: 50, duplicate: 5, suppressed: 0 });

    await restart();
    const launched = await call<{ status: string }>(launchCampaign, { campaignId: saved.data.campaignId, confirmRecipients: counts.valid });
    if (!launched.ok) throw new Error(launched.error.message);
    expect(launched.data.status).toBe("scheduled");

    await restart();
    const [row] = await h!.db.select().from(campaigns).where(eq(campaigns.id, saved.data.campaignId));
    expect(row).toMatchObject({ status: "scheduled", ledgerState: "ready" });
    const [ledger] = await h!.db.select({ rows: count() }).from(campaignRecipients).where(eq(campaignRecipients.campaignId, saved.data.campaignId));
    expect(ledger!.rows).toBe(ROWS);
    const pending = await h!.db.$count(campaignRecipients, eq(campaignRecipients.sendStatus, "pending"));
    expect(pending).toBe(counts.valid);
  }, 120_000);
});
