// `npm start`: build once if there is no production build, then serve.
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";

// next build prints nothing for a minute or more while it compiles: say that it is still at work.
const HEARTBEAT_MS = 20_000;

async function buildOnce(): Promise<void> {
  console.log("[console] first start: no production build yet, so running `next build` once (about 2 minutes on 2 cores)");
  const started = Date.now();
  const heartbeat = setInterval(() => {
    console.log(`[console] still building (${Math.round((Date.now() - started) / 1000)} s so far)…`);
  }, HEARTBEAT_MS);
  const code = await new Promise<number>((resolve) => {
    const build = spawn("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    build.on("exit", (status) => resolve(status ?? 1));
    build.on("error", () => resolve(1));
  });
  clearInterval(heartbeat);
  if (code !== 0) {
    console.error("[console] the build failed (its output is above); nothing was started");
    process.exit(code);
  }
  console.log(`[console] built in ${Math.round((Date.now() - started) / 1000)} s; starting`);
}

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) await buildOnce();
  (process.env as Record<string, string>).NODE_ENV = "production";
  await import("./server");
}

void main();
