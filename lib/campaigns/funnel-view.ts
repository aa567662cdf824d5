import "server-only";
// The funnel as the campaign page and the API show it: the ledger's counts and rates, and whether delivered and read
// can be known at all. Receipts arrive only through chat streaming; with no topic for the campaign's instance they
// never come, and a 0 % would read as "nobody got it".
import { env } from "@/lib/env";
import { campaignFunnel, funnelRates, type FunnelCounts, type FunnelRates } from "@/lib/ledger/funnel";
import type { Db } from "@/lib/db/types";
import { readChatStreaming } from "@/lib/settings/chat-streaming";

export interface FunnelView {
  counts: FunnelCounts;
  /** Each stage as a share of started, 0 to 1; null before anything started. */
  rates: FunnelRates;
  /** False when the instance streams no chats: delivered and read are then unknown, not zero. */
  receiptsStreamed: boolean;
}

export async function campaignFunnelView(db: Db, campaign: { id: string; instanceId: string }): Promise<FunnelView> {
  const [counts, setting] = await Promise.all([campaignFunnel(db, campaign.id), readChatStreaming(db)]);
  // An instance with no entry streams to local Connect's own topic in local mode, and nowhere against AWS.
  const topic = setting.topics[campaign.instanceId] ?? (env().CONNECT_MODE === "local" ? "default" : "");
  return { counts, rates: funnelRates(counts), receiptsStreamed: topic !== "" };
}
