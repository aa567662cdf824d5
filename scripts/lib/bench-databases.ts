// Which databases a benchmark runs against: PGlite always unless --postgres-only, PostgreSQL when TEST_DATABASE_URL
// names one unless --pglite-only. The same options in every benchmark that measures both.
import { BenchError } from "./recipients-bench-api";

export const DATABASE_OPTIONS = {
  "pglite-only": { type: "boolean", default: false },
  "postgres-only": { type: "boolean", default: false },
} as const;

export type BenchDatabase = "PGlite" | "PostgreSQL";

export function benchDatabases(values: { "pglite-only": boolean; "postgres-only": boolean }): { databases: BenchDatabase[]; pgUrl: string | undefined } {
  if (values["pglite-only"] && values["postgres-only"]) throw new BenchError("--pglite-only and --postgres-only exclude each other");
  const pgUrl = process.env.TEST_DATABASE_URL;
  if (values["postgres-only"] && !pgUrl) throw new BenchError("--postgres-only needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)");
  const databases: BenchDatabase[] = [];
  if (!values["postgres-only"]) databases.push("PGlite");
  if (!values["pglite-only"] && pgUrl) databases.push("PostgreSQL");
  return { databases, pgUrl };
}
