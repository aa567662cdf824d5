import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // "server-only" throws outside React Server Components; tests run the same modules in plain Node.
      { find: /^server-only$/, replacement: `${root}/lib/testing/empty-module.ts` },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    // Every test process has an audit key, as every real process configures one at start-up.
    setupFiles: ["lib/testing/audit-key-setup.ts"],
    testTimeout: 30_000,
    // On CI (2 shared cores) a test that fails once is run once more; `npm test` names every test that needed it, so a
    // flaky test is seen and fixed rather than hidden. Locally a failure is final.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 60_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
