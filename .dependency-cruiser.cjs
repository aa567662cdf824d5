// Import rules, checked by `depcruise lib app components scripts proxy.ts --config .dependency-cruiser.cjs`.
// Each folder directly under lib/ is a domain; together they form a directed graph: a domain may use another only if
// that one does not use it back, however indirectly. lib/server is the boot code that wires a process together (it may
// use every domain, no domain may use it) and lib/testing serves the tests. Test files are left out of the cruise:
// they may import anything, lib/testing included.
/* eslint-disable @typescript-eslint/no-require-imports -- dependency-cruiser loads its configuration as CommonJS */
const fs = require("node:fs");
const path = require("node:path");

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Directives and the "server-only" marker come before any other statement: the first bytes of a file are enough.
const USE_CLIENT = /^(?:\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/))*\s*["']use client["']/;
const SERVER_ONLY = /^import ["']server-only["'];?\s*$/m;

function sourceFiles(dirs) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) found.push(file);
    }
  };
  for (const dir of dirs) if (fs.existsSync(dir)) walk(dir);
  return found;
}

function head(file) {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(1024);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0)).toString("utf8");
  } finally {
    fs.closeSync(fd);
  }
}

const pathsRegex = (files) => (files.length > 0 ? `^(${files.map(escape).join("|")})$` : "^$");
const files = sourceFiles(["app", "components", "lib"]).map((file) => ({ file, head: head(file) }));
const clientModules = pathsRegex(files.filter((f) => USE_CLIENT.test(f.head)).map((f) => f.file));
const serverOnlyModules = pathsRegex(files.filter((f) => SERVER_ONLY.test(f.head)).map((f) => f.file));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-domain-cycle",
      severity: "error",
      comment:
        "Two domains under lib/ use each other, directly or through others. Move what both need into a lower domain " +
        "(lib/db, lib/log, lib/request, lib/runtime, lib/customer-text are examples) so the arrows point one way.",
      scope: "folder",
      from: { path: "^lib/[^/]+$" },
      to: { path: "^lib/", circular: true },
    },
    {
      name: "ledger-stays-low",
      severity: "error",
      comment:
        "lib/ledger is the only writer of campaign_recipients (lib/ledger/single-writer.test.ts checks the SQL); " +
        "campaigns, dispatch, replies and the boot code all call it, so it uses nothing above the database and the " +
        "Connect types. What a ledger write needs from a domain is passed in by the caller.",
      from: { path: "^lib/ledger/" },
      to: { path: "^lib/", pathNot: "^lib/(ledger/|db/|connect/types\\.ts$)" },
    },
    {
      name: "no-domain-to-server",
      severity: "error",
      comment:
        "lib/server boots the process and wires the domains together; a domain that needs something from it needs it " +
        "in a lower place (the runtime is lib/runtime/current, the log lib/log/event, request metadata lib/request).",
      from: { path: "^lib/", pathNot: "^lib/server/" },
      to: { path: "^lib/server/" },
    },
    {
      name: "no-production-to-testing",
      severity: "error",
      comment: "lib/testing is for tests (and benchmarks under scripts/); the console itself never loads it.",
      from: { path: "^(lib|app|components)/", pathNot: "^lib/testing/" },
      to: { path: "^lib/testing/" },
    },
    {
      name: "no-lib-to-app",
      severity: "error",
      comment: "lib/ is used by pages, routes and components, never the reverse: move the shared code into lib/.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/|^proxy\\.ts$" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Modules that import each other (directly or in a ring) load half-initialised; split out what both need. " +
        "Rings closed only by `import type` are erased when compiled and so allowed.",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"], viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-client-to-server-only",
      severity: "error",
      comment:
        'A "use client" module imports a module marked import "server-only" (or lib/server): the browser bundle cannot ' +
        "hold it. Import only its types (`import type`), or move the pure part into a module without the marker. " +
        "Direct imports only: deeper chains are left to the Next build, which refuses them too.",
      from: { path: clientModules },
      to: { path: [serverOnlyModules, "^lib/server/", "^node_modules/server-only/"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      comment: "An import that does not resolve: a typo, a moved module, or a package that is not installed.",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "^node_modules/" },
    exclude: { path: "\\.test\\.tsx?$" },
    tsConfig: { fileName: "tsconfig.json" },
    // Type-only imports count: a domain that names another's types depends on it as much as one calling it.
    tsPreCompilationDeps: true,
    // Packages resolve through their "exports" as Node resolves them, so `server-only` is one known module.
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    // Only the rules above are computed (no instability metrics for every folder).
    skipAnalysisNotInRules: true,
  },
};
