import { apiRoute } from "@/lib/api/route";
import { env } from "@/lib/env";
import { rootMessage } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/current";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and uptime checks call it without a session. It reveals no data: while the
// database cannot be reached the answer says only that, and the reason (host, port, driver message) goes to the log.
export const GET = apiRoute("public", async () => {
  const e = env();
  try {
    const rt = await getRuntime();
    await rt.database.ping();
    return Response.json({ status: "ok", database: rt.database.kind, connectMode: e.CONNECT_MODE });
  } catch (err) {
    console.error(`[health] database unavailable: ${rootMessage(err)}`);
    return Response.json({ status: "unavailable", database: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
});
