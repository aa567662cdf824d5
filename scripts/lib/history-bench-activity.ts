// The campaign page's activity (what its route and page read for the 100,000-recipient campaign) and the chat events
// list, at scale.
import "../allow-server-modules";
import { campaignActivity } from "@/lib/campaigns/activity";
import { campaignChats } from "@/lib/campaigns/open-chats";
import { campaignReplies } from "@/lib/campaigns/reply-counts";
import { campaignStatusHistory } from "@/lib/campaigns/status-history";
import { chatEventFilterSchema } from "@/lib/chat-events/filters";
import { listChatEvents, type ChatEventQuery } from "@/lib/chat-events/queries";
import type { Db } from "@/lib/db/types";
import { BENCH_INSTANCE } from "./history-seed-campaign";
import { heading, line, median } from "./bench-timing";

export async function benchCampaignActivity(db: Db, campaignId: string): Promise<void> {
  heading("Campaign activity (the 100,000-recipient campaign)");
  line("sends over time + failures by error", await median(() => campaignActivity(db, campaignId)));
  line("open chats (campaign and instance)", await median(() => campaignChats(db, campaignId, BENCH_INSTANCE)));
  line("replies", await median(() => campaignReplies(db, campaignId)));
  line("status history", await median(() => campaignStatusHistory(db, campaignId)));
  line(
    "activity route (the first three together)",
    await median(() => Promise.all([campaignActivity(db, campaignId), campaignChats(db, campaignId, BENCH_INSTANCE), campaignReplies(db, campaignId)])),
  );
}

export async function benchChatEvents(db: Db, contactId: string): Promise<void> {
  heading("Chat events");
  // As the route parses an empty query string: every filter absent, 50 a page.
  const q = (f: Partial<ChatEventQuery>) => listChatEvents(db, { ...chatEventFilterSchema.parse({}), ...f });
  line("first page (50, newest first)", await median(() => q({})));
  const deep = await q({ limit: 200 });
  line("next page", await median(() => q({ cursor: deep.nextCursor! })));
  line("type DISCONNECT", await median(() => q({ type: "DISCONNECT" })));
  line("status failed (1 in 116)", await median(() => q({ status: "failed" })));
  line("ContactId", await median(() => q({ contactId })));
  line('number search, rare ("5550123")', await median(() => q({ q: "5550123" })));
}
