// The template detail and render routes over the local Connect simulator: what a signed-in user sees of a template
// (with a WhatsApp template's category for a sending number), a clear 404 for an id that names nothing, and a clear
// 400 for a body that is not { attributes }.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { createConnectGateway } from "@/lib/connect/gateway";
import { useGatewayForProcess } from "@/lib/connect/runtime-gateway";
import { startConnectLocal } from "@/lib/connect-local/server";
import { fixtures } from "@/lib/connect-local/test-harness";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";

const state: { db?: DatabaseHandle; user: SessionUser | null } = { user: null };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));

const { GET: detail } = await import("./[knowledgeBaseId]/[templateId]/route");
const { POST: render } = await import("./[knowledgeBaseId]/[templateId]/render/route");

const vic: SessionUser = {
  id: "00000000-0000-4000-8000-000000000002",
  email: "vic@example.com",
  name: "Vic",
  role: "viewer",
  sessionId: "test-session",
  mustChangePassword: false,
};

const kbId = fixtures.templatesKb.id;
const whatsapp = fixtures.whatsappTemplate;
const headers = { "x-request-id": "req-test", "user-agent": "vitest" };
const path = (knowledgeBaseId: string, templateId: string) =>
  `http://console.test/api/connect/templates/${encodeURIComponent(knowledgeBaseId)}/${encodeURIComponent(templateId)}`;

const get = (knowledgeBaseId: string, templateId: string) =>
  detail(new Request(path(knowledgeBaseId, templateId), { headers }), { params: Promise.resolve({ knowledgeBaseId, templateId }) });
const post = (templateId: string, body: unknown) =>
  render(
    new Request(`${path(kbId, templateId)}/render`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ knowledgeBaseId: kbId, templateId }) },
  );

describe("template routes", () => {
  let sim: Awaited<ReturnType<typeof startConnectLocal>>;

  beforeAll(async () => {
    state.db = await createTestDb();
    sim = await startConnectLocal({ port: 0, log: false });
    useGatewayForProcess(createConnectGateway({ mode: "local", endpoint: sim.url, region: "us-east-1", maxAttempts: 1 }));
    state.user = vic;
  });
  afterAll(async () => {
    useGatewayForProcess(undefined);
    await sim?.close();
    await state.db?.close();
  });

  it("shows a template's body, variables and language to a viewer", async () => {
    const res = await get(kbId, whatsapp.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      template: {
        id: whatsapp.id,
        name: whatsapp.name,
        channelSubtype: "WHATSAPP",
        language: "en_US",
        body: "Hi {{customerName}}, your order {{orderId}} is on its way. Track it here: {{trackingUrl}}",
        variables: ["customerName", "orderId", "trackingUrl"],
      },
    });
    const versioned = await get(kbId, `${whatsapp.id}:$ACTIVE_VERSION`);
    expect((await versioned.json()).template.versionNumber).toBe(whatsapp.activeVersionNumber);
  });

  it("answers 404 with a clear message for an unknown or malformed id", async () => {
    const unknown = await get(kbId, "00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/ResourceNotFoundException: Message template 00000000-0000-4000-8000-000000000000 not found/);

    const malformed = await get(kbId, "order_shipped");
    expect(malformed.status).toBe(404);
    expect((await malformed.json()).error.message).toBe(
      'There is no message template "order_shipped": a template id is a UUID or its ARN, optionally with :<version>, :$LATEST or :$ACTIVE_VERSION',
    );
    const badKb = await get("templates", whatsapp.id);
    expect(badKb.status).toBe(404);
    expect((await badKb.json()).error.message).toMatch(/There is no knowledge base "templates"/);
  });

  it("gives a WhatsApp template's category for the number it would be sent from, or why it could not be read", async () => {
    const from = (number: { arn: string }) =>
      detail(
        new Request(`${path(kbId, whatsapp.id)}?${new URLSearchParams({ instanceId: fixtures.instance.id, sourcePhoneNumberArn: number.arn })}`, { headers }),
        {
          params: Promise.resolve({ knowledgeBaseId: kbId, templateId: whatsapp.id }),
        },
      );
    const german = await from(fixtures.whatsAppOnlyNumber);
    expect(german.status).toBe(200);
    expect((await german.json()).template).toMatchObject({ name: "order_shipped", category: { known: true, category: "UTILITY" } });
    const smsOnly = await (await from(fixtures.smsOnlyNumber)).json();
    expect(smsOnly.template.category).toEqual({
      known: false,
      reason: `no WhatsApp Business Account linked to End User Messaging Social has the source number ${fixtures.smsOnlyNumber.phoneNumber}`,
    });
    // Without a number there is no category to read.
    expect((await (await get(kbId, whatsapp.id)).json()).template.category).toBeUndefined();
    const half = await detail(new Request(`${path(kbId, whatsapp.id)}?instanceId=${fixtures.instance.id}`, { headers }), {
      params: Promise.resolve({ knowledgeBaseId: kbId, templateId: whatsapp.id }),
    });
    expect(half.status).toBe(400);
    expect((await half.json()).error.message).toBe("To read a template's category, give the instanceId and the sourcePhoneNumberArn it would be sent from");
  });

  it("renders with the given attributes and names what stays unfilled", async () => {
    const res = await post(whatsapp.id, { attributes: { customerName: "Ada", orderId: "" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      body: "Hi Ada, your order {{orderId}} is on its way. Track it here: {{trackingUrl}}",
      missing: ["orderId", "trackingUrl"],
    });
  });

  it("answers 400 for a body that is not { attributes: { name: text } }", async () => {
    const cases: [unknown, RegExp][] = [
      ["not json", /must be JSON/],
      [{}, /attributes/],
      [{ attributes: ["Ada"] }, /attributes/],
      [{ attributes: { customerName: 7 } }, /attributes\.customerName: Attribute values are text/],
      [{ attributes: {}, extra: 1 }, /extra/],
    ];
    for (const [body, message] of cases) {
      const res = await post(whatsapp.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.message).toMatch(message);
    }
  });

  it("refuses a visitor who is not signed in", async () => {
    state.user = null;
    try {
      expect((await get(kbId, whatsapp.id)).status).toBe(401);
    } finally {
      state.user = vic;
    }
  });
});
