import "server-only";
// Where providers reach this console: PUBLIC_URL when set, else the origin the admin's browser used.
import { headers } from "next/headers";

export async function publicOrigin(publicUrl: string | undefined): Promise<string> {
  if (publicUrl) return publicUrl.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}
