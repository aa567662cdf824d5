// Browser-side reads of the chat events list. Every list query starts with CHAT_EVENTS_KEY, so sending an event can
// refresh the list under any filter with one invalidation.
import { fetchJson } from "@/components/fetch-json";
import type { PublicChatEvent } from "@/lib/chat-events/view";

export const PAGE_SIZE = 50;
export const CHAT_EVENTS_KEY = ["chat-events"] as const;

export interface ChatEventsPage {
  events: PublicChatEvent[];
  nextCursor: number | null;
}

/** One page of events matching `query` (a filterQuery string), older than `cursor` when given. */
export function fetchChatEventsPage(query: string, cursor: number | undefined, signal?: AbortSignal): Promise<ChatEventsPage> {
  const params = new URLSearchParams(query);
  if (cursor !== undefined) params.set("cursor", String(cursor));
  params.set("limit", String(PAGE_SIZE));
  return fetchJson(`/api/chat-events?${params}`, signal);
}
