// A flood of refused requests at the inbound endpoint: every one gets its usual answer, but only the cap plus one
// summary row reach the database, and a correctly signed message still goes through.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { inboundRejections } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { startSim, type Sim } from "@/lib/dispatch/dispatch-test-kit";
import { TEST_AUTH_SECRET, insertIntegration, message, signed, type SignOptions } from "@/lib/inbound/inbound-test-kit";
import { REJECTIONS_PER_MINUTE } from "@/lib/inbound/rejection-cap";
import { createTestDb } from "@/lib/testing/test-db";

const state: { db?: DatabaseHandle } = {};
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => null }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db, getRuntime: async () => ({ authSecret: TEST_AUTH_SECRET }) }));

const { POST } = await import("./route");

describe("POST /api/inbound/{integrationId} under a flood of refused requests", () => {
  let sim: Sim;
  let integrationId: string;
  let secret: string;

  const post = (body: unknown, o: SignOptions & { secret?: string } = {}) => {
    const req = signed(o.secret ?? secret, body, o);
    return POST(new Request(`http://console.test/api/inbound/${integrationId}`, { method: "POST", headers: req.headers, body: req.body }), {
      params: Promise.resolve({ integrationId }),
    });
  };
  const rejections = () =>
    state.db!.db.select().from(inboundRejections).where(eq(inboundRejections.integrationId, integrationId)).orderBy(inboundRejections.id);

  beforeAll(async () => {
    state.db = await createTestDb();
    sim = await startSim({ rate: 10_000, burst: 10_000 });
    useGatewayForProcess(sim.gateway);
    ({
      integration: { id: integrationId },
      secret,
    } = await insertIntegration(state.db.db, sim, { name: "Flooded" }));
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  it("answers all 100 forged requests of a burst with 401 and stores at most the cap and one summary", async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => post(message("+12065550160", `forged ${i}`), { secret: "ocin_not-the-secret" })));
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(401));
    expect(new Set(await Promise.all(answers.map(async (r) => JSON.stringify(await r.json()))))).toHaveProperty("size", 1);

    const rows = await rejections();
    expect(rows.length).toBeLessThanOrEqual(REJECTIONS_PER_MINUTE + 1);
    expect(rows.filter((r) => r.reason === "signature does not match")).toHaveLength(REJECTIONS_PER_MINUTE);
    expect(rows.at(-1)!.reason).toMatch(/^40 more rejections suppressed in the last minute .*; latest: signature does not match$/);
  });

  it("keeps answering 400 and 413 past the cap, counting them on the summary, and still forwards a signed message", async () => {
    const notJson = await post("messageId=1&text=hi");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toEqual({ code: "invalid", message: "The body is not JSON" });
    const huge = await post(message("+12065550161", "x".repeat(200_000)));
    expect(huge.status).toBe(413);

    const rows = await rejections();
    expect(rows).toHaveLength(REJECTIONS_PER_MINUTE + 1);
    expect(rows.at(-1)!.reason).toMatch(/^42 more rejections suppressed in the last minute .*; latest: body larger than 128 KiB$/);

    const ok = await post(message("+12065550162", "A real message"));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "forwarded", newChatCreated: true });
  });
});
