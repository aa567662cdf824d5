// next-auth's redirect callback: every destination it follows (sign-in callbackUrl, its cookie, sign-out) is reduced to
// a path on the console itself, resolved against the public address when one is configured.
import { safeCallbackPath } from "./safe-callback";

export function safeRedirect(url: string, baseUrl: string, publicUrl?: string | null): string {
  const origin = new URL(publicUrl || baseUrl).origin;
  // Sign-out sends the browser to the sign-in page, which safeCallbackPath refuses as a sign-in destination.
  if (url === "/login" || url === `${origin}/login`) return `${origin}/login`;
  return new URL(safeCallbackPath(url, origin), origin).toString();
}
