import "server-only";
// Request id, client address and user agent for the audit log. The server entry sets the first two
// headers itself (dropping any a client sent), so they cannot be forged from outside.
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

export const REQUEST_ID_HEADER = "x-request-id";
export const CLIENT_IP_HEADER = "x-console-client-ip";

export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export function metaFromHeaders(h: Headers): RequestMeta {
  return {
    requestId: h.get(REQUEST_ID_HEADER) ?? randomUUID(),
    ip: h.get(CLIENT_IP_HEADER),
    userAgent: h.get("user-agent")?.slice(0, 500) ?? null,
  };
}

export async function currentRequestMeta(): Promise<RequestMeta> {
  return metaFromHeaders(await headers());
}
