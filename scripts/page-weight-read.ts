// First-load JavaScript per page, read from a production build's manifests: the chunks every page loads (the root
// main files) plus those its layouts and page name in their client reference manifest, each gzipped as a server
// would send it. Pure reading of files under .next: no server, no browser.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  route: string;
  chunks: number;
  gzipBytes: number;
}

interface ClientManifest {
  entryJSFiles?: Record<string, string[]>;
}

function manifestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...manifestFiles(full));
    else if (name === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

/** "/(console)/campaigns/[id]/page" → "/campaigns/[id]" */
export function routeOf(manifestKey: string): string {
  const parts = manifestKey
    .replace(/\/page$/, "")
    .split("/")
    .filter((p) => p && !(p.startsWith("(") && p.endsWith(")")));
  return `/${parts.join("/")}`;
}

export function readPageWeights(buildDir: string): PageWeight[] {
  const build = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const sizes = new Map<string, number>();
  const gzipped = (file: string) => {
    let n = sizes.get(file);
    if (n === undefined) {
      n = gzipSync(readFileSync(path.join(buildDir, file)), { level: 9 }).length;
      sizes.set(file, n);
    }
    return n;
  };
  const weights: PageWeight[] = [];
  for (const file of manifestFiles(path.join(buildDir, "server", "app"))) {
    const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    sandbox.globalThis = sandbox;
    runInNewContext(readFileSync(file, "utf8"), sandbox);
    for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const chunks = new Set(build.rootMainFiles);
      for (const files of Object.values(manifest.entryJSFiles ?? {})) for (const f of files) chunks.add(f.replace(/^\/_next\//, ""));
      const route = routeOf(key);
      if (route.startsWith("/_")) continue;
      weights.push({ route, chunks: chunks.size, gzipBytes: [...chunks].reduce((sum, f) => sum + gzipped(f), 0) });
    }
  }
  return weights.sort((a, b) => a.route.localeCompare(b.route));
}
