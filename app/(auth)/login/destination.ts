// Where the browser goes after signing in: a path on this console only (see lib/auth/safe-callback.ts), else the
// campaigns list. Computed in the browser against its own origin, the one the destination must share.
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export const DEFAULT_DESTINATION = "/campaigns";

export function signInDestination(callbackUrl: string | null | undefined, origin: string): string {
  const path = safeCallbackPath(callbackUrl, origin);
  return path === "/" ? DEFAULT_DESTINATION : path;
}
