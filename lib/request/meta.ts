import "server-only";
// Request id, client address and user agent for the audit log.
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "./headers";

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
