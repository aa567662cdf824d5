import "server-only";
// The key that encrypts signing secrets, for this process's AUTH_SECRET. Functions that encrypt or verify take the
// key as an argument; only the action and route entry points read it from here.
import { getRuntime } from "@/lib/runtime/current";
import { deriveSecretKey } from "./secret";

let cached: { authSecret: string; key: Buffer } | undefined;

export async function integrationSecretKey(): Promise<Buffer> {
  const { authSecret } = await getRuntime();
  if (cached?.authSecret !== authSecret) cached = { authSecret, key: deriveSecretKey(authSecret) };
  return cached.key;
}
