import { afterEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/types";
import type { Env } from "@/lib/env";
import { forgetRuntime, getDb, getRuntime, provideRuntimeBoot, startedRuntime, type Runtime } from "./current";

const g = globalThis as unknown as { __outboundRuntimeBoot?: unknown };

function fakeRuntime(tag: string): Runtime {
  return { env: {} as Env, database: { db: tag } as unknown as DatabaseHandle, authSecret: "s".repeat(32), shutdownHooks: [] };
}

describe("the runtime the domains reach", () => {
  afterEach(() => {
    forgetRuntime();
    delete g.__outboundRuntimeBoot;
  });

  it("says how to start the console when no boot code was loaded, rather than opening a database itself", async () => {
    await expect(getRuntime()).rejects.toThrow(/has not been started: run the console through scripts\/server\.ts/);
    expect(startedRuntime()).toBeUndefined();
  });

  it("boots once with the boot code provided, and every caller shares that runtime", async () => {
    let boots = 0;
    provideRuntimeBoot(async () => fakeRuntime(`db-${++boots}`));
    const [a, b] = await Promise.all([getRuntime(), getRuntime()]);
    expect(a).toBe(b);
    expect(await getDb()).toBe("db-1");
    expect(boots).toBe(1);
    expect(await startedRuntime()).toBe(a);
  });

  it("tries again after a failed start, and boots afresh once forgotten (after shutdown)", async () => {
    let boots = 0;
    provideRuntimeBoot(async () => {
      boots += 1;
      if (boots === 1) throw new Error("database unreachable");
      return fakeRuntime(`db-${boots}`);
    });
    await expect(getRuntime()).rejects.toThrow("database unreachable");
    expect(await getDb()).toBe("db-2");
    forgetRuntime();
    expect(startedRuntime()).toBeUndefined();
    expect(await getDb()).toBe("db-3");
  });

  it("refuses while Next builds, so a page that needs the database must be dynamic", async () => {
    provideRuntimeBoot(async () => fakeRuntime("db"));
    const phase = process.env.NEXT_PHASE;
    process.env.NEXT_PHASE = "phase-production-build";
    try {
      await expect(getRuntime()).rejects.toThrow(/not opened while building/);
    } finally {
      if (phase === undefined) delete process.env.NEXT_PHASE;
      else process.env.NEXT_PHASE = phase;
    }
  });
});
