// The composer's streaming check and save over a real database and the Connect simulator: progress lines, then one
// result line; refusals and bad input as plain JSON errors before any streaming; a cancelled check stops.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { count, eq } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import type { CampaignInput } from "@/lib/campaigns/schemas";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { auditLog, campaignRecipients, campaigns } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { POST: check } = await import("../check/route");
const { POST: saveDraft } = await import("./route");

type Line = { type: "progress"; stage: string; rows: number; total: number | null } | { type: "result"; ok: boolean; data?: unknown; error?: unknown };

const headers = { "content-type": "application/json", "x-request-id": "req-stream" };
const post = (handler: typeof check, path: string, body: unknown, signal?: AbortSignal) =>
  handler(new Request(`http://console.test${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body), signal }), {});

async function readLines(res: Response, onLine?: (line: Line) => void): Promise<Line[]> {
  const lines: Line[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const parts = pending.split("\n");
    pending = parts.pop()!;
    for (const part of parts) {
      const line = JSON.parse(part) as Line;
      lines.push(line);
      onLine?.(line);
    }
    if (done) return lines;
  }
}

/** `n` pasted numbers, all distinct and valid. */
const pasted = (n: number, offset = 0) => Array.from({ length: n }, (_, i) => `+1206${String(3_000_000 + offset + i)},Person ${i}`).join("\n");

describe("streaming check and save", () => {
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;
  let supervisor: SessionUser;
  let viewer: SessionUser;
  let base: CampaignInput;

  beforeAll(async () => {
    state.db = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    const gateway = createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 });
    useGatewayForProcess(gateway);
    const u = await insertUser(state.db.db, { email: "sup@example.com", name: "Sup", role: "supervisor", passwordHash: null });
    supervisor = { id: u.id, email: u.email, name: u.name, role: "supervisor", sessionId: "s", mustChangePassword: false };
    viewer = { ...supervisor, id: "00000000-0000-4000-8000-000000000002", email: "vic@example.com", role: "viewer" };
    const instance = (await gateway.listInstances()).find((i) => i.alias === "acme-support")!;
    const number = (await gateway.listPhoneNumbers(instance.id)).find((n) => n.phoneNumber === "+12065550142")!;
    const flow = (await gateway.listContactFlows(instance.id)).find((f) => f.name === "Outbound SMS notifications")!;
    base = {
      name: "Streamed",
      instanceId: instance.id,
      channel: "sms",
      sourcePhoneNumberArn: number.arn,
      contactFlowId: flow.id,
      recipients: { format: "paste", text: pasted(12_000), mapping: { phoneColumn: "phone", nameColumn: "name" } },
      message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}" },
    };
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  it("streams the check's progress, then the same summary the action answers", async () => {
    state.user = supervisor;
    const res = await post(check, "/api/campaigns/check", { campaign: base });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = await readLines(res);
    const last = lines.pop()!;
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatchObject({ type: "progress", stage: expect.stringMatching(/^(read|check)$/), total: null });
    expect(last).toMatchObject({ type: "result", ok: true, data: { total: 12_000, counts: { valid: 12_000, invalid: 0, duplicate: 0, suppressed: 0 } } });
  });

  it("streams a save's progress, then the saved draft, with every row stored and the save audited", async () => {
    state.user = supervisor;
    const lines = await readLines(await post(saveDraft, "/api/campaigns/drafts", { campaign: base }));
    const last = lines.pop()!;
    expect(lines.some((l) => l.type === "progress" && l.stage === "store")).toBe(true);
    expect(last).toMatchObject({ type: "result", ok: true, data: { campaignId: expect.any(String), preflight: { counts: { valid: 12_000 } } } });
    const { campaignId, preflight } = (last as { data: { campaignId: string; preflight: PreflightSummary } }).data;
    const [stored] = await state.db!.db.select({ n: count() }).from(campaignRecipients).where(eq(campaignRecipients.campaignId, campaignId));
    expect(stored!.n).toBe(preflight.total);
    const [audit] = await state.db!.db.select().from(auditLog).where(eq(auditLog.targetId, campaignId));
    expect(audit).toMatchObject({ action: "campaign.created", actorEmail: supervisor.email, requestId: "req-stream" });

    const again = await readLines(await post(saveDraft, "/api/campaigns/drafts", { campaignId, campaign: { ...base, name: "Renamed" } }));
    expect(again.at(-1)).toMatchObject({ type: "result", ok: true, data: { campaignId } });
  });

  it("answers a viewer, bad JSON and bad input with JSON errors before streaming", async () => {
    state.user = viewer;
    const refused = await post(check, "/api/campaigns/check", { campaign: base });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
    expect((await post(saveDraft, "/api/campaigns/drafts", { campaign: base })).status).toBe(403);

    state.user = supervisor;
    const notJson = await post(saveDraft, "/api/campaigns/drafts", "{not json");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: "invalid", message: "The request body must be JSON" } });
    const bad = await post(check, "/api/campaigns/check", { campaign: { ...base, name: "", recipients: { ...base.recipients, text: "" } } });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await bad.json()).toMatchObject({
      error: { code: "invalid", fields: { "campaign.name": "Name the campaign", "campaign.recipients.text": expect.any(String) } },
    });
  });

  it("ends a list that cannot work with an error result line", async () => {
    state.user = supervisor;
    const lines = await readLines(await post(check, "/api/campaigns/check", { campaign: { ...base, recipients: { ...base.recipients, format: "csv" } } }));
    expect(lines.at(-1)).toMatchObject({ type: "result", ok: false, error: { code: "invalid", fields: expect.any(Object) } });
  });

  it("stops a check, and a save that has not begun storing, when the client goes away", async () => {
    state.user = supervisor;
    const big = { ...base, name: "Cancelled", recipients: { ...base.recipients, text: pasted(200_000, 500_000) } };
    for (const [handler, path] of [
      [check, "/api/campaigns/check"],
      [saveDraft, "/api/campaigns/drafts"],
    ] as const) {
      const client = new AbortController();
      const res = await post(handler, path, { campaign: big }, client.signal);
      expect(res.status).toBe(200);
      // Cancelled at the first progress line: had the work gone on, a result line would still arrive.
      const lines = await readLines(res, (line) => {
        if (line.type === "progress") client.abort();
      });
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => l.type === "progress")).toBe(true);
    }
    expect(await state.db!.db.select().from(campaigns).where(eq(campaigns.name, "Cancelled"))).toEqual([]);
  });
});
