import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { auditLog, chatEvents, contacts, settings, suppressions, users } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { hasRole, ROLES, type Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { ALL_ACTIONS, actionNamed } from "@/lib/testing/action-registry";
import { runAction } from "./safe-action";

const meta = { requestId: "req-test", ip: "127.0.0.1", userAgent: "vitest" };

const SAMPLE_CAMPAIGN = {
  name: "Spring",
  instanceId: "i-1",
  channel: "sms",
  sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p",
  contactFlowId: "f-1",
  recipients: { format: "paste", text: "+12065550100", mapping: { phoneColumn: "phone" } },
  message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}" },
};

// A plausible input per action, so a refusal cannot be a validation error in disguise.
function sampleInput(name: string, targetId: string): unknown {
  switch (name) {
    case "users.create":
      return { email: "new@example.com", name: "New", role: "viewer", password: "a-long-passphrase-42" };
    case "users.changeRole":
      return { userId: targetId, role: "supervisor" };
    case "users.setDisabled":
      return { userId: targetId, disabled: true };
    case "users.setCanApprove":
      return { userId: targetId, canApprove: true };
    case "users.changeOwnPassword":
      return { currentPassword: "not-the-password", newPassword: "a-new-long-passphrase-7", confirmPassword: "a-new-long-passphrase-7" };
    case "users.resetPassword":
      return { userId: targetId };
    case "users.setupFirstAdmin":
      return { email: "first@example.com", name: "", password: "a-long-passphrase-42", confirmPassword: "a-long-passphrase-42" };
    case "campaigns.preflight":
      return SAMPLE_CAMPAIGN;
    case "campaigns.saveDraft":
      return { campaign: SAMPLE_CAMPAIGN };
    case "campaigns.pause":
    case "campaigns.resume":
    case "campaigns.cancel":
    case "campaigns.retryFailed":
    case "campaigns.deleteDraft":
    case "campaigns.duplicate":
    case "campaigns.unschedule":
    case "campaigns.requestApproval":
      return { campaignId: "00000000-0000-4000-8000-000000000000" };
    case "campaigns.reschedule":
      return { campaignId: "00000000-0000-4000-8000-000000000000", scheduledAt: "2099-01-01T09:00:00+00:00" };
    case "campaigns.approve":
      return { campaignId: "00000000-0000-4000-8000-000000000000", comment: "Checked the list" };
    case "campaigns.reject":
      return { campaignId: "00000000-0000-4000-8000-000000000000", comment: "Wrong audience" };
    case "settings.updateApproval":
      return { enabled: true, aboveRecipients: 1000 };
    case "campaigns.launch":
      return { campaignId: "00000000-0000-4000-8000-000000000000", confirmRecipients: 1 };
    case "campaigns.testSend":
      return { campaign: { ...SAMPLE_CAMPAIGN, recipients: undefined }, phone: "+12065550100" };
    case "settings.updateSendRate":
      return { accountSendsPerSecond: 10 };
    case "apiKeys.create":
      return { name: "CRM sync", role: "supervisor" };
    case "apiKeys.revoke":
      return { keyId: "00000000-0000-4000-8000-000000000000" };
    case "simulator.updateSettings":
      return {
        rate: 5,
        burst: 10,
        maxActiveChats: 500,
        latencyMs: 0,
        clockSpeed: 1,
        faults: { InternalServiceException: 0, ThrottlingException: 0, LimitExceededException: 0, AccessDeniedException: 0, Timeout: 0 },
      };
    case "suppression.add":
      return { phone: "020 7946 0958", defaultCountry: "GB", reason: "Asked not to be contacted" };
    case "suppression.remove":
      return { phone: "+442079460958", reason: "Added by mistake" };
    case "suppression.import":
      return { lines: "+442079460958\n+12015550123", reason: "Opt-out list from the old system" };
    case "contacts.stop":
      return { contactId: "00000000-0000-4000-8000-0000000000aa" };
    case "chatEvents.send":
      return {
        instanceId: "i-1",
        phoneNumberId: "arn:aws:connect:us-east-1:1:phone-number/p",
        channel: "sms",
        customerPhone: "+12065550100",
        eventType: "MESSAGE",
        contentType: "text/plain",
        content: "STOP",
      };
    case "settings.updateSendingCapacity":
      return { numbers: [], whatsAppDailyLimit: "250" };
    case "settings.updateChatStreaming":
      return { instances: [] };
    case "settings.updateFrequencyCaps":
      return { rules: [{ count: 1, windowHours: 24, whenCapped: "skip" }] };
    case "settings.updateSendWindow":
      return { window: null };
    case "settings.updateOptKeywords":
      return { optOut: ["STOP", "ARRET"], optIn: ["START"] };
    case "inbound.createIntegration":
      return { name: "Twilio US", channel: "sms", instanceId: "i-1", phoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/p" };
    case "inbound.setIntegrationEnabled":
      return { integrationId: "00000000-0000-4000-8000-000000000000", enabled: false };
    case "inbound.rotateSecret":
      return { integrationId: "00000000-0000-4000-8000-000000000000" };
    case "inbound.deleteIntegration":
      return { integrationId: "00000000-0000-4000-8000-000000000000", dropQueued: true };
    default:
      throw new Error(`no sample input for ${name}: add one`);
  }
}

describe("the action registry", () => {
  it("holds every server action the code defines, so none escapes the role test below", () => {
    const defined = [...sourceFiles(["lib", "app"])]
      .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/defineAction\(\{\s*name:\s*"([^"]+)"/g)].map((m) => m[1]!))
      .sort();
    expect(defined.length).toBeGreaterThan(30);
    expect(ALL_ACTIONS.map((d) => d.name).sort()).toEqual(defined);
  });
});

function* sourceFiles(dirs: string[]): Generator<string> {
  for (const dir of dirs) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* sourceFiles([file]);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) yield file;
    }
  }
}

describe("every server action enforces its role", () => {
  let h: DatabaseHandle;
  const people = {} as Record<Role, SessionUser>;
  let target: string;

  beforeAll(async () => {
    h = await createTestDb();
    for (const role of ROLES) {
      const u = await insertUser(h.db, { email: `${role}@example.com`, name: role, role, passwordHash: null });
      people[role] = { id: u.id, email: u.email, name: u.name, role, sessionId: randomUUID(), mustChangePassword: false };
    }
    target = (await insertUser(h.db, { email: "target@example.com", name: "T", role: "viewer", passwordHash: null })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const snapshot = async () => ({
    audit: (await h.db.select({ n: count() }).from(auditLog))[0]!.n,
    users: JSON.stringify(await h.db.select().from(users).orderBy(users.email)),
    suppressions: JSON.stringify(await h.db.select().from(suppressions).orderBy(suppressions.phone)),
    chatEvents: (await h.db.select({ n: count() }).from(chatEvents))[0]!.n,
    settings: JSON.stringify(await h.db.select().from(settings).orderBy(settings.key)),
    contacts: JSON.stringify(await h.db.select().from(contacts).orderBy(contacts.contactId)),
  });

  for (const def of ALL_ACTIONS.filter((d) => d.access !== "public")) {
    it(`${def.name} (${def.access}) refuses the anonymous and lower roles and changes nothing`, async () => {
      const before = await snapshot();
      const anon = await runAction(def, sampleInput(def.name, target), { user: null, db: h.db, meta });
      expect(anon).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
      for (const role of ROLES.filter((r) => !hasRole(r, def.access as Role))) {
        const res = await runAction(def, sampleInput(def.name, target), { user: people[role], db: h.db, meta });
        expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  it("refuses every action but changing the password to an admin whose password was reset, and changes nothing", async () => {
    const before = await snapshot();
    const pending: SessionUser = { ...people.admin, mustChangePassword: true };
    for (const def of ALL_ACTIONS.filter((d) => d.access !== "public" && !d.allowPendingPasswordChange)) {
      const res = await runAction(def, sampleInput(def.name, target), { user: pending, db: h.db, meta });
      expect(res, def.name).toMatchObject({ ok: false, error: { code: "forbidden", message: expect.stringMatching(/Change password/) } });
    }
    expect(ALL_ACTIONS.filter((d) => d.allowPendingPasswordChange).map((d) => d.name)).toEqual(["users.changeOwnPassword"]);
    expect(await snapshot()).toEqual(before);
  });

  it("lets an admin run the admin actions, each audited", async () => {
    const admin = people.admin;
    const created = await runAction(actionNamed("users.create"), sampleInput("users.create", target), { user: admin, db: h.db, meta });
    expect(created).toMatchObject({ ok: true, data: { email: "new@example.com", role: "viewer" } });
    const dup = await runAction(actionNamed("users.create"), sampleInput("users.create", target), { user: admin, db: h.db, meta });
    expect(dup).toMatchObject({ ok: false, error: { code: "conflict", fields: { email: "A user with this email already exists" } } });
    const weak = await runAction(
      actionNamed("users.create"),
      { email: "w@example.com", name: "", role: "viewer", password: "short" },
      { user: admin, db: h.db, meta },
    );
    expect(weak).toMatchObject({ ok: false, error: { code: "invalid", fields: { password: "Use at least 12 characters" } } });
    const rows = await h.db.select().from(auditLog);
    expect(rows.filter((r) => r.action === "user.created" && r.actorEmail === "admin@example.com")).toHaveLength(1);
    expect(rows.at(-1)).toMatchObject({ requestId: "req-test", ip: "127.0.0.1", userAgent: "vitest" });
  });

  it("refuses first-run setup once any user exists", async () => {
    const res = await runAction(actionNamed("users.setupFirstAdmin"), sampleInput("users.setupFirstAdmin", target), { user: null, db: h.db, meta });
    expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("never leaves the console without an active admin", async () => {
    const demote = await runAction(actionNamed("users.changeRole"), { userId: people.admin.id, role: "viewer" }, { user: people.admin, db: h.db, meta });
    expect(demote).toMatchObject({ ok: false, error: { code: "conflict" } });
    const selfDisable = await runAction(actionNamed("users.setDisabled"), { userId: people.admin.id, disabled: true }, { user: people.admin, db: h.db, meta });
    expect(selfDisable).toMatchObject({ ok: false, error: { code: "conflict", message: "You cannot disable your own account" } });
  });
});
