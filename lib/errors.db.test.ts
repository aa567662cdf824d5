// Unexpected errors are logged for the operator with a reference, but without the personal data a failed query carries.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { users } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { insertUser } from "@/lib/users/queries";
import { describeError, toErrorBody } from "./errors";

function logged(fn: () => void): string {
  const lines: string[] = [];
  const spies = (["log", "warn", "error"] as const).map((level) =>
    vi
      .spyOn(console, level)
      .mockImplementation(
        (...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? `${a.stack} ${String(a.cause)}` : String(a))).join(" ")),
      ),
  );
  try {
    fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join("\n");
}

describe("the unexpected-error log", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
    await insertUser(h.db, { email: "ada@example.com", name: "Ada", role: "admin", passwordHash: null });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("names the failed query, its class and SQL state, but none of its parameters", async () => {
    // A unique violation: the query's parameters hold an email, a name and a phone-like value.
    const err = await insertUser(h.db, { email: "ada@example.com", name: "Ada +14155550100", role: "admin", passwordHash: null }).catch((e: unknown) => e);
    expect(String((err as Error).message)).toContain("ada@example.com"); // drizzle's own message does carry them
    const out = logged(() => {
      expect(toErrorBody(err, "ref-1")).toMatchObject({ code: "internal", ref: "ref-1" });
    });
    const line = JSON.parse(out) as Record<string, string>;
    expect(line).toMatchObject({ level: "error", event: "unexpected_error", ref: "ref-1", error: "DrizzleQueryError", sqlState: "23505" });
    expect(line.query).toMatch(/insert into "users"/i);
    expect(out).not.toContain("ada@example.com");
    expect(out).not.toContain("4155550100");
    expect(out).not.toMatch(/params:/);

    // A driver message can quote the value itself: it is left out too.
    const bad = await h.db
      .select()
      .from(users)
      .where(eq(users.id, "+14155550100"))
      .catch((e: unknown) => e);
    const fields = describeError(bad);
    expect(fields).toMatchObject({ error: "DrizzleQueryError", sqlState: "22P02" });
    expect(JSON.stringify(fields)).not.toContain("4155550100");
  });

  it("keeps the message of other errors, cut before any parameter list", () => {
    expect(describeError(new TypeError("cannot read x of undefined"))).toMatchObject({ error: "TypeError", message: "cannot read x of undefined" });
    const wrapped = new Error("Failed query: select 1 where phone = $1\nparams: +14155550100");
    expect(JSON.stringify(describeError(wrapped))).not.toContain("4155550100");
  });
});
