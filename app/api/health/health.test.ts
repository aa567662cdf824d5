// Health over a real PostgreSQL driver pointed at a port where nothing listens, and over a working PGlite.
import { afterAll, describe, expect, it, vi } from "vitest";
import { openPglite, openPostgres } from "@/lib/db/open";
import type { DatabaseHandle } from "@/lib/db/types";

const state: { database?: DatabaseHandle } = {};
vi.mock("@/lib/runtime/current", () => ({ getRuntime: async () => ({ database: state.database }) }));
const { GET } = await import("./route");

describe("GET /api/health", () => {
  const opened: DatabaseHandle[] = [];
  afterAll(async () => {
    for (const h of opened) await h.close();
  });

  it("answers 200 with the database kind and the Connect mode", async () => {
    state.database = await openPglite(undefined);
    opened.push(state.database);
    const res = await GET(new Request("http://console.test/api/health"), {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "pglite", connectMode: "local" });
  });

  it("answers 503 saying only that the database is unavailable, and logs the reason", async () => {
    state.database = await openPostgres("postgres://postgres:secret@127.0.0.1:1/none", 1);
    opened.push(state.database);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await GET(new Request("http://console.test/api/health"), {});
      expect(res.status).toBe(503);
      // No host, port, driver message or configuration for an anonymous caller.
      expect(await res.json()).toEqual({ status: "unavailable", database: "unavailable" });
      expect(logged.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/\[health\] database unavailable: .*ECONNREFUSED/);
    } finally {
      logged.mockRestore();
    }
  });
});
