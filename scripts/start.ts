// `npm start`: build once if there is no production build, then serve.
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";

if (!existsSync(".next/BUILD_ID")) {
  console.log("[console] no production build found: running next build (once)");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
(process.env as Record<string, string>).NODE_ENV = "production";
void import("./server");
