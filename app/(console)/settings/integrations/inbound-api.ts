// Browser-side calls for the integrations page's message and rejection lists.
import { fetchJson } from "@/components/fetch-json";
import type { Redacted } from "@/lib/customer-text/redact";
import type { Page, PublicMessage, PublicRejection } from "@/lib/inbound/queries";

/** A message as the route sends it: its text only for readers of customers' texts. */
export type ShownMessage = Redacted<PublicMessage, "text">;
export type ShownRejection = Redacted<PublicRejection, "bodyExcerpt">;

export const INBOUND_KEY = ["inbound"] as const;
export const PAGE_SIZE = 25;
/** The lists follow forwarding as it happens: queued messages turn forwarded within seconds. */
export const REFRESH_MS = 5_000;

export interface InboundFilter {
  integration: string;
  status: string;
}

function params(f: Partial<InboundFilter>, cursor: string | undefined): URLSearchParams {
  const p = new URLSearchParams();
  if (f.integration) p.set("integration", f.integration);
  if (f.status) p.set("status", f.status);
  if (cursor) p.set("cursor", cursor);
  p.set("limit", String(PAGE_SIZE));
  return p;
}

export function fetchMessages(f: InboundFilter, cursor: string | undefined, signal?: AbortSignal): Promise<Page<ShownMessage>> {
  return fetchJson(`/api/integrations/messages?${params(f, cursor)}`, signal);
}

export function fetchRejections(f: InboundFilter, cursor: string | undefined, signal?: AbortSignal): Promise<Page<ShownRejection>> {
  return fetchJson(`/api/integrations/rejections?${params({ integration: f.integration }, cursor)}`, signal);
}
