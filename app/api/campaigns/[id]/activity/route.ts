// The campaign page's charts and counters: sends over time by outcome, failures by error name, open chats against
// the concurrent chat quota, and replies. Polled while the campaign is sending.
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { campaignActivity } from "@/lib/campaigns/activity";
import { campaignChats } from "@/lib/campaigns/open-chats";
import { getCampaign } from "@/lib/campaigns/queries";
import { campaignReplies } from "@/lib/campaigns/reply-counts";
import { env } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";

export const GET = apiRoute("viewer", async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  const [activity, chats, replies] = await Promise.all([
    campaignActivity(db, campaign.id),
    campaignChats(db, campaign.id, campaign.instanceId),
    campaignReplies(db, campaign.id),
  ]);
  // How often reconciliation runs says how fresh the open-chat count can be (0: it is off, and the count only grows).
  const e = env();
  return Response.json(
    { activity, chats: { ...chats, quota: e.CONCURRENT_CHAT_QUOTA, reconcileEverySeconds: e.RECONCILE_SECONDS }, replies },
    { headers: { "cache-control": "no-store" } },
  );
});
