import { apiRoute } from "@/lib/api/route";
import { env } from "@/lib/env";
import { rootMessage } from "@/lib/errors";
import { getRuntime } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";

// Public on purpose: load balancers and uptime checks call it without a session. It reveals no data.
export const GET = apiRoute("public", async () => {
  const e = env();
  try {
    const rt = await getRuntime();
    await rt.database.ping();
    return Response.json({ status: "ok", database: rt.database.kind, connectMode: e.CONNECT_MODE });
  } catch (err) {
    const reason = rootMessage(err);
    return Response.json({ status: "unavailable", database: e.databaseKind, connectMode: e.CONNECT_MODE, reason }, { status: 503 });
  }
});
