import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { recipientView } from "@/lib/campaigns/api-view";
import { RECIPIENT_FILTERS, getCampaign, listRecipients } from "@/lib/campaigns/queries";
import { WAITING_FILTERS, WAITING_FILTER_ERROR } from "@/lib/campaigns/waits";
import { UserFacingError } from "@/lib/errors";
import { FUNNEL_STAGES } from "@/lib/ledger/funnel-stages";

const query = z.object({
  status: z.enum(RECIPIENT_FILTERS, { error: `status must be one of ${RECIPIENT_FILTERS.join(", ")}` }).optional(),
  stage: z.enum(FUNNEL_STAGES, { error: `stage must be one of ${FUNNEL_STAGES.join(", ")}` }).optional(),
  waiting: z.enum(WAITING_FILTERS, { error: WAITING_FILTER_ERROR }).optional(),
  cursor: z.coerce.number().int().positive("cursor comes from nextCursor of the previous page").optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

// The ledger of one campaign, a page at a time, optionally only the recipients at one funnel stage or those waiting.
export const GET = apiRoute("viewer", async ({ db, params, req }) => {
  const id = z.uuid().safeParse(params.id);
  const campaign = id.success ? await getCampaign(db, id.data) : undefined;
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  const f = query.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listRecipients(db, campaign.id, f);
  return Response.json({ recipients: page.rows.map(recipientView), nextCursor: page.nextCursor });
});
