import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { seedSchema, type Seed } from "./seed-schema";

export const DEFAULT_SEED_PATH = fileURLToPath(new URL("./seed/default.json", import.meta.url));

export function loadSeed(path: string = DEFAULT_SEED_PATH): Seed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`Cannot read seed file ${path}: ${(err as Error).message}`);
  }
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Seed file ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
