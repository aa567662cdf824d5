// The console as end-to-end tests see it: a production build, a throwaway data folder, its own simulator port.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const dataDir = mkdtempSync(path.join(tmpdir(), "outbound-e2e-"));
const env = process.env as Record<string, string | undefined>;
env.NODE_ENV = "production";
env.DATA_DIR = dataDir;
env.PORT = env.E2E_PORT ?? "3210";
env.CONNECT_LOCAL_PORT = env.E2E_CONNECT_LOCAL_PORT ?? "4710";
delete env.DATABASE_URL;
delete env.ADMIN_EMAIL;
delete env.ADMIN_PASSWORD;
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

void import("./server");
