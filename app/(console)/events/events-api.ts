// The chat events list's filters as typed state in the page URL (named as GET /api/chat-events takes them) and its
// pages. Every list query starts with CHAT_EVENTS_KEY, so sending an event can refresh the list under any filter with
// one invalidation.
import { parseAsString, parseAsStringLiteral } from "nuqs";
import { CHAT_EVENT_TYPES } from "@/lib/chat-events/contract";
import { CHAT_EVENT_STATUSES } from "@/lib/chat-events/filter-query";
import type { PublicChatEvent } from "@/lib/chat-events/view";

export const PAGE_SIZE = 50;
export const CHAT_EVENTS_KEY = ["chat-events"] as const;

export const CHAT_EVENT_FILTERS = {
  type: parseAsStringLiteral(CHAT_EVENT_TYPES),
  status: parseAsStringLiteral(CHAT_EVENT_STATUSES),
  contactId: parseAsString,
  q: parseAsString,
};

export interface ChatEventsPage {
  events: PublicChatEvent[];
  nextCursor: number | null;
}
