// The page's Content-Security-Policy allows no eval: zod would otherwise probe `new Function` to compile its parsers,
// which the browser reports as a violation even though zod falls back. zod keeps its configuration on
// `globalThis.__zod_globalConfig`, which it creates only when absent, so setting the flag there reaches zod whether it
// loads before or after this runs, without importing zod (its core, about 5 kB gzipped) into pages that never
// validate anything in the browser. zod-jitless.test.ts checks both orders against the installed zod.

interface ZodGlobalConfig {
  jitless?: boolean;
}

/** Turns zod's compiled parsers off for every schema built from now on, in this JavaScript realm. */
export function makeZodJitless(): void {
  const scope = globalThis as { __zod_globalConfig?: ZodGlobalConfig };
  scope.__zod_globalConfig ??= {};
  scope.__zod_globalConfig.jitless = true;
}
