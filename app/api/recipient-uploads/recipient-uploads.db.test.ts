// Recipient uploads through the real route handlers over a real database: raw and multipart bodies, both formats, the
// byte and row limits, who may upload, the audit entry, and the sweep of uploads no campaign uses.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { desc, eq } from "drizzle-orm";
import { runAction } from "@/lib/actions/safe-action";
import { createApiKey } from "@/lib/api-keys/actions";
import type { SessionUser } from "@/lib/auth/session";
import { auditLog, campaignSources, campaigns, recipientUploads } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { loadEnv } from "@/lib/env-schema";
import { tooManyRowsMessage } from "@/lib/recipients/limits";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";

const state: { db?: DatabaseHandle; user: SessionUser | null; maxMb: number } = { user: null, maxMb: 50 };
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/lib/runtime/current", () => ({ getDb: async () => state.db!.db }));
const baseEnv = loadEnv({ NODE_ENV: "test" });
vi.mock("@/lib/env", () => ({ env: () => ({ ...baseEnv, PUBLIC_URL: undefined, RECIPIENTS_MAX_MB: state.maxMb }) }));

const { POST: upload } = await import("./route");
const { GET: getUpload } = await import("./[id]/route");
const { POST: uploadV1 } = await import("../v1/recipient-uploads/route");
const { GET: getUploadV1 } = await import("../v1/recipient-uploads/[id]/route");
const { sweepUnusedUploads } = await import("@/lib/uploads/store");

type Handler = (req: Request, seg: { params?: Promise<Record<string, string>> }) => Promise<Response>;
interface Call {
  body?: BodyInit;
  type?: string;
  headers?: Record<string, string>;
  key?: string;
  params?: Record<string, string>;
}

function call(handler: Handler, path: string, c: Call = {}) {
  const headers: Record<string, string> = { host: "console.test", "x-request-id": "req-upload", "user-agent": "vitest", ...c.headers };
  if (c.type) headers["content-type"] = c.type;
  if (c.key) headers.authorization = `Bearer ${c.key}`;
  const init: RequestInit & { duplex?: "half" } = { method: c.body === undefined ? "GET" : "POST", headers, body: c.body };
  if (c.body instanceof ReadableStream) init.duplex = "half";
  return handler(new Request(`http://console.test${path}`, init), { params: Promise.resolve(c.params ?? {}) });
}

const csv = '\uFEFFphone,name,tier\n+12065550100,Ada,gold\n\n(206) 555-0101,"Bo, Jr",silver\n';

/** A body that counts what was read from it: chunks of `chunk` bytes, `count` times. */
function countingStream(chunk: number, count: number) {
  const read = { chunks: 0, cancelled: false };
  const line = new TextEncoder().encode("+12065550100\n".repeat(Math.ceil(chunk / 13)).slice(0, chunk));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (read.chunks === count) return controller.close();
      read.chunks++;
      controller.enqueue(line.slice());
    },
    cancel() {
      read.cancelled = true;
    },
  });
  return { stream, read };
}

describe("recipient uploads", () => {
  let sam: SessionUser;
  let vic: SessionUser;
  let supervisorKey: string;
  let keyId: string;

  beforeAll(async () => {
    state.db = await createTestDb();
    const db = state.db.db;
    const a = await insertUser(db, { email: "root@example.com", name: "Root", role: "admin", passwordHash: null });
    const s = await insertUser(db, { email: "sam@example.com", name: "Sam", role: "supervisor", passwordHash: null });
    const v = await insertUser(db, { email: "vic@example.com", name: "Vic", role: "viewer", passwordHash: null });
    sam = { id: s.id, email: s.email, name: s.name, role: "supervisor", sessionId: "s1", mustChangePassword: false };
    vic = { id: v.id, email: v.email, name: v.name, role: "viewer", sessionId: "s2", mustChangePassword: false };
    const admin = { id: a.id, email: a.email, name: a.name, role: "admin" as const, sessionId: "s0", mustChangePassword: false };
    const created = await runAction(
      createApiKey,
      { name: "CRM sync", role: "supervisor" },
      { user: admin, db, meta: { requestId: "r", ip: null, userAgent: null } },
    );
    if (!created.ok) throw new Error(created.error.message);
    ({ key: supervisorKey, id: keyId } = created.data as { key: string; id: string });
  });
  afterAll(async () => {
    await state.db?.close();
  });

  it("stores a CSV sent as the raw body, answers its rows, header and size, and audits it without the content", async () => {
    state.user = sam;
    const res = await call(upload, "/api/recipient-uploads?format=csv&fileName=spring%20list.csv", { body: csv, type: "text/csv" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const text = csv.slice(1); // the byte order mark is not part of the text
    const { upload: body } = await res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      format: "csv",
      fileName: "spring list.csv",
      bytes: Buffer.byteLength(text),
      rows: 2,
      header: ["phone", "name", "tier"],
      // The first rows, for the column mapping's preview.
      sample: [
        ["+12065550100", "Ada", "gold"],
        ["(206) 555-0101", "Bo, Jr", "silver"],
      ],
      sha256: createHash("sha256").update(text).digest("hex"),
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T.*Z$/),
    });

    const [row] = await state.db!.db.select().from(recipientUploads).where(eq(recipientUploads.id, body.id));
    expect(row).toMatchObject({ createdBy: sam.id, content: text, rowCount: 2, byteSize: body.bytes });

    const [entry] = await state.db!.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({
      action: "recipients.uploaded",
      actorEmail: sam.email,
      targetType: "recipient_upload",
      targetId: body.id,
      requestId: "req-upload",
      diff: { format: "csv", fileName: "spring list.csv", rows: 2, bytes: body.bytes },
    });
    expect(JSON.stringify(entry)).not.toMatch(/2065550100|Ada/);
  });

  it("stores the file part of a multipart form under its own name, with a format field", async () => {
    state.user = sam;
    const form = new FormData();
    form.append("file", new File([csv], "C:\\fakepath\\export\u0007.csv", { type: "text/csv" }));
    const res = await call(upload, "/api/recipient-uploads", { body: form });
    expect(res.status).toBe(201);
    expect((await res.json()).upload).toMatchObject({
      format: "csv",
      fileName: "export.csv",
      rows: 2,
      header: ["phone", "name", "tier"],
      bytes: Buffer.byteLength(csv) - 3,
    });

    const paste = new FormData();
    paste.append("format", "paste");
    paste.append("file", new File(["+12065550100\n\n+12065550101, Bo\n"], "numbers.txt"));
    const pasted = await call(upload, "/api/recipient-uploads?fileName=typed", { body: paste });
    expect(pasted.status).toBe(201);
    expect((await pasted.json()).upload).toMatchObject({ format: "paste", fileName: "typed", rows: 2, header: ["phone", "name"] });
  });

  it("stores pasted numbers sent as plain text", async () => {
    state.user = sam;
    const res = await call(upload, "/api/recipient-uploads?format=paste", {
      body: "+1 206 555 0100\n+12065550101\tBo\n \n+12065550102; Cy\n",
      type: "text/plain",
    });
    expect(res.status).toBe(201);
    expect((await res.json()).upload).toMatchObject({ format: "paste", fileName: null, rows: 3, header: ["phone", "name"] });
  });

  it("refuses a file over the limit by its declared length without reading it, and a streamed one as soon as it passes", async () => {
    state.user = sam;
    state.maxMb = 1;
    try {
      const declared = countingStream(1024, 2048);
      const res = await call(upload, "/api/recipient-uploads?format=paste", {
        body: declared.stream,
        type: "text/plain",
        headers: { "content-length": String(2 * 1024 * 1024 + 512 * 1024) },
      });
      expect(res.status).toBe(413);
      expect((await res.json()).error).toEqual({ code: "invalid", message: "The file is 2.5 MB; the limit is 1 MB. Split the list into smaller files." });
      expect(declared.read.chunks).toBeLessThanOrEqual(1); // a stream may be asked for its first chunk up front

      const streamed = countingStream(64 * 1024, 64);
      const cut = await call(upload, "/api/recipient-uploads?format=paste", { body: streamed.stream, type: "application/octet-stream" });
      expect(cut.status).toBe(413);
      expect((await cut.json()).error.message).toBe("The file is more than 1 MB; the limit is 1 MB. Split the list into smaller files.");
      expect(streamed.read.chunks).toBeLessThan(20);
      expect(streamed.read.cancelled).toBe(true);

      const form = new FormData();
      form.append("file", new File([new Uint8Array(1024 * 1024 + 1)], "big.csv"));
      const multipart = await call(upload, "/api/recipient-uploads", { body: form });
      expect(multipart.status).toBe(413);
      expect((await multipart.json()).error.message).toMatch(/^The file is 1\.1 MB; the limit is 1 MB\./);
    } finally {
      state.maxMb = 50;
    }
    expect(await state.db!.db.$count(recipientUploads)).toBe(4);
  });

  it("refuses text that is not UTF-8, lists without rows, an unknown format and a body that is not a file", async () => {
    state.user = sam;
    const latin1 = new Uint8Array([...new TextEncoder().encode("phone,name\n+12065550100,Ren"), 0xe9, 0x0a]);
    const cases: [Call & { path?: string }, string][] = [
      [{ body: latin1, type: "text/csv" }, "The file is not UTF-8 text (invalid byte at line 2). Save it as CSV UTF-8 and upload again."],
      [{ body: "phone,name\n\n,,\n", type: "text/csv" }, "The file has no recipient rows"],
      [{ body: " \n\n", type: "text/plain", path: "/api/recipient-uploads?format=paste" }, "The file has no recipient rows"],
      [{ body: "phone\n+12065550100\n", type: "text/csv", path: "/api/recipient-uploads?format=xlsx" }, "format must be csv or paste"],
      [{ body: '{"phone":"+12065550100"}', type: "application/json" }, expect.stringMatching(/^Send the file itself as the body/) as unknown as string],
      [
        { body: 'phone,name\n"+12065550100,Ada\n', type: "text/csv" },
        'A quoted value that starts on line 2 is never closed. Check for a missing " and upload again.',
      ],
    ];
    for (const [c, message] of cases) {
      const res = await call(upload, c.path ?? "/api/recipient-uploads?format=csv", c);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "invalid", message });
    }
    const noFile = new FormData();
    noFile.append("lines", "+12065550100");
    const form = await call(upload, "/api/recipient-uploads", { body: noFile });
    expect(form.status).toBe(400);
    expect((await form.json()).error.message).toBe("The form has no file: send the list in a part named file.");
    expect(await state.db!.db.$count(recipientUploads)).toBe(4);
  });

  it("stores nothing when the client goes away during the upload", async () => {
    state.user = sam;
    const before = await state.db!.db.$count(recipientUploads);
    const gone = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("phone\n+12065550100\n"));
      },
      pull() {
        gone.abort();
      },
    });
    const req = new Request("http://console.test/api/recipient-uploads?format=csv", {
      method: "POST",
      body,
      headers: { "content-type": "text/csv" },
      signal: gone.signal,
      duplex: "half",
    } as RequestInit);
    const res = await upload(req, {});
    expect(res.status).toBe(400);
    expect(await state.db!.db.$count(recipientUploads)).toBe(before);
  });

  it("lets viewers read an upload but not make one, and refuses a cross-site request with the session cookie", async () => {
    state.user = sam;
    const made = (await (await call(upload, "/api/recipient-uploads", { body: csv, type: "text/csv" })).json()).upload;

    state.user = vic;
    const refused = await call(upload, "/api/recipient-uploads", { body: csv, type: "text/csv" });
    expect(refused.status).toBe(403);
    const got = await call(getUpload, `/api/recipient-uploads/${made.id}`, { params: { id: made.id } });
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual({ upload: made });

    for (const id of ["00000000-0000-4000-8000-00000000abcd", "nope"]) {
      const missing = await call(getUpload, `/api/recipient-uploads/${id}`, { params: { id } });
      expect(missing.status).toBe(404);
      expect((await missing.json()).error).toMatchObject({ code: "not_found", message: "Unknown recipient upload: upload the list again" });
    }

    state.user = sam;
    const crossSite = await call(upload, "/api/recipient-uploads", { body: csv, type: "text/csv", headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error.message).toMatch(/came from another site/);
    const sameSite = await call(upload, "/api/recipient-uploads", { body: csv, type: "text/csv", headers: { origin: "http://console.test" } });
    expect(sameSite.status).toBe(201);
  });

  it("takes an API key on /api/v1 only, keeping the upload under the key's creator and naming the key in the audit", async () => {
    state.user = null;
    const outside = await call(upload, "/api/recipient-uploads", { body: csv, type: "text/csv", key: supervisorKey });
    expect(outside.status).toBe(401);
    expect((await outside.json()).error.message).toMatch(/API keys work on \/api\/v1 only/);

    const res = await call(uploadV1, "/api/v1/recipient-uploads?format=csv&fileName=crm.csv", { body: csv, type: "text/csv", key: supervisorKey });
    expect(res.status).toBe(201);
    const made = (await res.json()).upload;
    expect(made).toMatchObject({ fileName: "crm.csv", rows: 2 });
    const got = await call(getUploadV1, `/api/v1/recipient-uploads/${made.id}`, { key: supervisorKey, params: { id: made.id } });
    expect((await got.json()).upload).toEqual(made);

    const [row] = await state.db!.db.select({ createdBy: recipientUploads.createdBy }).from(recipientUploads).where(eq(recipientUploads.id, made.id));
    const [key] = await state.db!.db.query.apiKeys.findMany({ where: (k, { eq: is }) => is(k.id, keyId) });
    expect(row!.createdBy).toBe(key!.createdBy);
    const [entry] = await state.db!.db.select().from(auditLog).where(eq(auditLog.targetId, made.id));
    expect(entry).toMatchObject({ action: "recipients.uploaded", actorId: keyId, actorEmail: "api-key:CRM sync" });
  });

  it("sweeps only uploads older than the cutoff that no campaign uses", async () => {
    const db = state.db!.db;
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    await db.update(recipientUploads).set({ createdAt: dayAgo });
    const all = await db.select({ id: recipientUploads.id }).from(recipientUploads);
    const [used] = all;
    const [campaign] = await db
      .insert(campaigns)
      .values({
        name: "Uses an upload",
        channel: "sms",
        instanceId: "i",
        contactFlowId: "f",
        sourcePhoneNumberArn: "arn",
        config: {},
        preflight: {},
        createdBy: sam.id,
        createdByEmail: sam.email,
      })
      .returning();
    await db.insert(campaignSources).values({ campaignId: campaign!.id, format: "csv", uploadId: used!.id });

    state.user = sam;
    // Uploading sweeps yesterday's unused uploads; the new one and the one a campaign names stay.
    const fresh = (await (await call(upload, "/api/recipient-uploads?format=paste", { body: "+12065550100\n", type: "text/plain" })).json()).upload;
    const left = (await db.select({ id: recipientUploads.id }).from(recipientUploads)).map((r) => r.id).sort();
    expect(left).toEqual([used!.id, fresh.id].sort());

    expect(await sweepUnusedUploads(db, new Date(Date.now() + 60_000))).toBe(1);
    expect((await db.select({ id: recipientUploads.id }).from(recipientUploads)).map((r) => r.id)).toEqual([used!.id]);
  });

  it("refuses a list of more than 1,000,000 rows with 413", async () => {
    state.user = sam;
    const lines = "+12065550100\n".repeat(1_000_001);
    const res = await call(upload, "/api/recipient-uploads?format=paste", { body: lines, type: "text/plain" });
    expect(res.status).toBe(413);
    const message = (await res.json()).error.message as string;
    expect([tooManyRowsMessage(1_000_001), tooManyRowsMessage("more")]).toContain(message);
  }, 120_000);
});
