// The console's one process: data-folder lock, database, migrations, local Connect, then Next.js.
// Embedded PGlite allows one process only, so everything that touches it lives here.
import "./allow-server-modules";
import http from "node:http";
import { randomUUID } from "node:crypto";
import next from "next";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "@/lib/request/headers";
import { getRuntime, shutdownRuntime, startAuditCheckpoints } from "@/lib/server/runtime";
import { securityHeaders } from "@/lib/server/security-headers";
import { startConnectBackend } from "@/lib/server/connect-backend";
import { startEmbeddedDispatcher } from "@/lib/server/embedded-dispatcher";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const dev = process.argv.includes("--dev");
const trustProxy = /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? "");
const REQUEST_ID = /^[\w.-]{1,100}$/;

function clientIp(req: http.IncomingMessage): string {
  const forwarded = trustProxy
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")[0]
        ?.trim()
    : "";
  return forwarded || req.socket.remoteAddress || "unknown";
}

async function main() {
  const rt = await getRuntime();
  const e = rt.env;
  // Without a public URL, next-auth builds its callback URLs from the Host header of each request.
  if (e.PUBLIC_URL) process.env.NEXTAUTH_URL = e.PUBLIC_URL;
  else process.env.AUTH_TRUST_HOST = "true";

  await startConnectBackend(rt);
  await startEmbeddedDispatcher(rt);
  startAuditCheckpoints(rt);

  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: e.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();

  // On every answer, static files and errors included; pages replace the CSP with their nonced one (proxy.ts).
  const headersForAll = Object.entries(securityHeaders({ publicUrl: e.PUBLIC_URL }));
  const server = http.createServer((req, res) => {
    const incoming = req.headers[REQUEST_ID_HEADER];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    req.headers[CLIENT_IP_HEADER] = clientIp(req);
    res.setHeader("x-request-id", requestId);
    for (const [name, value] of headersForAll) res.setHeader(name, value);
    void handle(req, res);
  });

  // Installed before "ready" is printed: a stop signal from then on always closes the database cleanly.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[console] ${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close().catch(() => undefined);
    await shutdownRuntime();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(e.PORT, e.HOSTNAME, () => resolve());
  });
  console.log(
    `[console] ready on http://localhost:${e.PORT} (database: ${rt.database.kind}, Connect: ${e.CONNECT_MODE}${rt.connectEndpoint ? ` at ${rt.connectEndpoint}` : ""})`,
  );
}

main().catch(async (err) => {
  console.error(`[console] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  await shutdownRuntime().catch(() => undefined);
  process.exit(1);
});
