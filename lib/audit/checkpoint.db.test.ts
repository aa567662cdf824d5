// Signed checkpoints of the chain's head in a file outside the database: removing the newest entries (which leaves a
// chain that still links) is reported against the last checkpoint, and a forged checkpoint line is reported as such.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { auditLog } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { checkpointFilePath, readCheckpointFile, signCheckpoint, type SignedCheckpoint } from "./checkpoint";
import { startAuditCheckpointLoop } from "./checkpoint-loop";
import { writeAuditCheckpoint } from "./checkpoint-writer";
import { auditKey } from "./key";
import { recordAudit } from "./record";
import { verifyAuditChain } from "./verify";

const actor = { actorId: "u-1", actorEmail: "ada@example.com" };
const quiet = () => undefined;
type Logged = Record<string, unknown>;

describe("audit checkpoints", () => {
  let h: DatabaseHandle;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    h = await createTestDb();
    // Tampering needs the triggers out of the way, as the table's owner can do.
    await h.db.execute(sql`alter table audit_log disable trigger all`);
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.db.execute(sql`delete from audit_log`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-cp-"));
    file = checkpointFilePath(dir);
    for (const n of [1, 2, 3, 4, 5]) await recordAudit(h.db, actor, { action: `step.${n}` });
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ids = async () => (await h.db.select({ id: auditLog.id }).from(auditLog).orderBy(asc(auditLog.id))).map((r) => r.id);
  const lines = () => fs.readFileSync(file, "utf8").trimEnd().split("\n");

  it("signs the head into a file in the data folder and in the log, and verifies against it", async () => {
    const logged: Logged[] = [];
    const written = await writeAuditCheckpoint(h.db, file, { log: (fields) => logged.push(fields) });
    const [, , , , last] = await ids();
    expect(written).toMatchObject({ ok: true, written: true, checkpoint: { count: 5, lastId: last } });
    expect(lines()).toHaveLength(1);
    expect(logged).toEqual([{ event: "audit_checkpoint", ...JSON.parse(lines()[0]!) }]);
    expect(readCheckpointFile(file, auditKey()).latest).toMatchObject({ count: 5, lastId: last });
    // Nothing new: no second line.
    expect(await writeAuditCheckpoint(h.db, file, { log: quiet })).toMatchObject({ ok: true, written: false });
    expect(lines()).toHaveLength(1);

    await recordAudit(h.db, actor, { action: "step.6" });
    const report = await verifyAuditChain(h.db, { checkpointFile: file });
    expect(report).toMatchObject({ ok: true, checked: 6, checkpoint: { count: 5, lastId: last } });
  });

  it("reports the newest entries removed after a checkpoint, even when the chain still links", async () => {
    await writeAuditCheckpoint(h.db, file, { log: quiet });
    const [, , third] = await ids();
    await h.db.execute(sql`delete from audit_log where id > ${third!}`);
    // Without the checkpoint the shortened chain looks whole: that is the gap checkpoints close.
    expect((await verifyAuditChain(h.db)).ok).toBe(true);

    const report = await verifyAuditChain(h.db, { checkpointFile: file });
    expect(report).toMatchObject({ ok: false, brokenAt: third });
    expect(!report.ok && report.reason).toMatch(
      new RegExp(`^entries after #${third} were removed \\(last checkpoint at \\d{4}-.*Z counted 5 entries up to #\\d+\\)$`),
    );

    // The periodic checkpoint does not vouch for the shortened chain.
    const logged: Logged[] = [];
    expect(await writeAuditCheckpoint(h.db, file, { log: (fields) => logged.push(fields) })).toMatchObject({ ok: false });
    expect(logged).toEqual([
      { level: "error", event: "audit_checkpoint_refused", brokenAt: third, reason: expect.stringMatching(/^entries after #\d+ were removed/) },
    ]);
    expect(lines()).toHaveLength(1);
  });

  it("reports removed entries when new ones were appended after the removal", async () => {
    await writeAuditCheckpoint(h.db, file, { log: quiet });
    const [, second] = await ids();
    await h.db.execute(sql`delete from audit_log where id > ${second!}`);
    // The console carries on writing: the new entries link to the shortened head.
    await recordAudit(h.db, actor, { action: "after.1" });
    await recordAudit(h.db, actor, { action: "after.2" });
    await recordAudit(h.db, actor, { action: "after.3" });
    await recordAudit(h.db, actor, { action: "after.4" });
    const report = await verifyAuditChain(h.db, { checkpointFile: file });
    expect(!report.ok && report.reason).toMatch(new RegExp(`^entries after #${second} were removed`));
    expect((await writeAuditCheckpoint(h.db, file, { log: quiet })).ok).toBe(false);
  });

  it("reports every entry removed", async () => {
    await writeAuditCheckpoint(h.db, file, { log: quiet });
    await h.db.execute(sql`delete from audit_log`);
    const report = await verifyAuditChain(h.db, { checkpointFile: file });
    expect(report).toMatchObject({ ok: false, checked: 0, brokenAt: null });
    expect(!report.ok && report.reason).toMatch(/^all entries were removed \(last checkpoint at/);
  });

  it("reports a checkpoint line with a bad signature", async () => {
    await writeAuditCheckpoint(h.db, file, { log: quiet });
    const [, second] = await ids();
    await h.db.execute(sql`delete from audit_log where id > ${second!}`);
    // Someone with the file but not the key appends a checkpoint matching the shortened chain…
    const [head] = await h.db
      .select({ n: sql<number>`count(*)::int`, lastId: sql<number>`max(id)::int`, hash: sql<string>`(select hash from audit_log order by id desc limit 1)` })
      .from(auditLog);
    const forged = signCheckpoint("a-key-that-is-not-the-audit-key-0123456789", { count: head!.n, lastId: head!.lastId, hash: head!.hash });
    fs.appendFileSync(file, `${JSON.stringify(forged)}\n`);
    // …or edits the count of a real one.
    const real = JSON.parse(lines()[0]!) as SignedCheckpoint;
    fs.appendFileSync(file, `${JSON.stringify({ ...real, count: 2, lastId: second })}\n`);

    expect(readCheckpointFile(file, auditKey())).toMatchObject({ latest: { count: 5 }, badLines: [2, 3] });
    const report = await verifyAuditChain(h.db, { checkpointFile: file });
    expect(report).toMatchObject({ ok: false, brokenAt: null });
    expect(!report.ok && report.reason).toMatch(/checkpoint file .*audit-checkpoints\.jsonl has lines \(2, 3\) with a bad signature/);
  });

  it("writes one at start and every interval until stopped", async () => {
    const logged: Logged[] = [];
    const loop = startAuditCheckpointLoop({ db: h.db, file, intervalMs: 50, log: (fields) => logged.push(fields) });
    await expect.poll(() => (fs.existsSync(file) ? lines().length : 0)).toBe(1);
    await recordAudit(h.db, actor, { action: "step.6" });
    await expect.poll(() => lines().length).toBe(2);
    await loop.stop();
    expect(JSON.parse(lines()[1]!)).toMatchObject({ count: 6 });
    expect(logged.map((fields) => fields.event)).toEqual(["audit_checkpoint", "audit_checkpoint"]);
    // Checkpoints live outside the chain: it holds what was recorded, nothing more.
    expect(await ids()).toHaveLength(6);
  });
});
