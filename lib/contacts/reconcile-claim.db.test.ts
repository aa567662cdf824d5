// Which contacts reconciliation claims, and in what order, over a real database: never checked first (oldest first),
// then the longest unchecked across both states, each state with its own refresh interval; ended, old and freshly
// checked contacts never; and a contact another transaction holds is skipped, not waited for.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { contacts } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb, testDbKind } from "@/lib/testing/test-db";
import { claimDueContacts, hasDueContacts } from "./reconcile-claim";
import { DEFAULT_RECONCILE_OPTIONS } from "./reconcile-options";

// Open chats are due 2 minutes after their last check, unknown contacts after 30; nothing older than 7 days is.
const o = DEFAULT_RECONCILE_OPTIONS;

type Seed = { id: string; state: "open" | "ended" | "unknown"; created: string; checked: string | null };

const SEEDS: Seed[] = [
  { id: "new-open-older", state: "open", created: "3 hours", checked: null },
  { id: "new-unknown", state: "unknown", created: "2 hours", checked: null },
  { id: "new-open-newer", state: "open", created: "1 hour", checked: null },
  { id: "unknown-40m", state: "unknown", created: "1 day", checked: "40 minutes" },
  { id: "open-20m", state: "open", created: "1 day", checked: "20 minutes" },
  { id: "open-10m", state: "open", created: "2 days", checked: "10 minutes" },
  // Never claimed: checked within their refresh interval, ended, or created more than 7 days ago.
  { id: "open-1m", state: "open", created: "1 day", checked: "1 minute" },
  { id: "unknown-10m", state: "unknown", created: "1 day", checked: "10 minutes" },
  { id: "ended", state: "ended", created: "1 hour", checked: null },
  { id: "old-open", state: "open", created: "8 days", checked: null },
  { id: "old-open-checked", state: "open", created: "8 days", checked: "1 hour" },
];

const DUE_IN_ORDER = ["new-open-older", "new-unknown", "new-open-newer", "unknown-40m", "open-20m", "open-10m"];

describe("reconciliation claims", () => {
  let h: DatabaseHandle;

  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.db.delete(contacts);
    await h.db.insert(contacts).values(
      SEEDS.map((s) => ({
        contactId: s.id,
        instanceId: "i-1",
        channel: "sms" as const,
        customerPhone: "+12065550100",
        origin: "test_send" as const,
        createdBy: "t",
        state: s.state,
        createdAt: sql`now() - ${s.created}::interval`,
        lastCheckedAt: s.checked === null ? null : sql`now() - ${s.checked}::interval`,
      })),
    );
  });

  const ids = (claimed: { contact: { contactId: string } }[]) => claimed.map((c) => c.contact.contactId).sort();

  it("claims never-checked contacts oldest first, then the longest unchecked of either state, and nothing else", async () => {
    expect(await hasDueContacts(h.db, o)).toBe(true);
    const taken: string[][] = [];
    for (const size of [2, 1, 1, 1, 5]) taken.push(ids(await claimDueContacts(h.db, size, o)));
    expect(taken).toEqual([["new-open-older", "new-unknown"], ["new-open-newer"], ["unknown-40m"], ["open-20m"], ["open-10m"]]);
    expect(await hasDueContacts(h.db, o)).toBe(false);
    expect(await claimDueContacts(h.db, 10, o)).toEqual([]);
  });

  it("moves the last check to now and hands back the one it replaced, to the microsecond", async () => {
    const [before] = await h.db
      .select({ text: sql<string>`${contacts.lastCheckedAt}::text` })
      .from(contacts)
      .where(eq(contacts.contactId, "open-20m"));
    const [first] = await claimDueContacts(h.db, 1, o);
    expect(first!.contact.contactId).toBe("new-open-older");
    expect(first!.previousCheckAt).toBeNull();
    expect(Math.abs(first!.contact.lastCheckedAt!.getTime() - Date.now())).toBeLessThan(60_000);
    const rest = await claimDueContacts(h.db, 10, o);
    expect(rest.find((c) => c.contact.contactId === "open-20m")!.previousCheckAt).toBe(before!.text);
  });

  it("never gives two claims at once the same contact, and leaves nothing behind", async () => {
    // A claim briefly locks more rows than it takes, so a claim at the same moment may get fewer this round; what
    // matters is that no contact is checked twice and the next round takes the rest.
    const [a, b] = await Promise.all([claimDueContacts(h.db, 3, o), claimDueContacts(h.db, 3, o)]);
    const first = [...ids(a), ...ids(b)];
    expect(new Set(first).size).toBe(first.length);
    expect(first.length).toBeGreaterThanOrEqual(3);
    const rest = ids(await claimDueContacts(h.db, 10, o));
    expect([...first, ...rest].sort()).toEqual([...DUE_IN_ORDER].sort());
  });

  it.skipIf(testDbKind() !== "postgres")("skips a contact another transaction holds and claims the next one instead", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = h.db.transaction(async (tx) => {
      await tx
        .select()
        .from(contacts)
        .where(inArray(contacts.contactId, ["new-open-older", "open-20m"]))
        .for("update");
      locked();
      await held;
    });
    await isLocked;
    try {
      expect(ids(await claimDueContacts(h.db, 4, o))).toEqual(["new-open-newer", "new-unknown", "open-10m", "unknown-40m"]);
    } finally {
      release();
      await holder;
    }
    expect(ids(await claimDueContacts(h.db, 4, o))).toEqual(["new-open-older", "open-20m"]);
  });
});
