// One contact: what the console stored, its campaign, the events sent into it, and a live DescribeContact. When
// Connect cannot answer, the stored data still comes back, with liveError saying why.
import { apiRoute } from "@/lib/api/route";
import { customerTextReader } from "@/lib/customer-text/reader";
import { loadContactDetail } from "@/lib/contacts/detail";
import { contactIdSchema } from "@/lib/contacts/schemas";
import { UserFacingError } from "@/lib/errors";

export const GET = apiRoute("viewer", async ({ db, params, user }) => {
  const id = contactIdSchema.safeParse(params.contactId);
  const detail = id.success ? await loadContactDetail(db, id.data, customerTextReader(user)) : undefined;
  if (!detail) throw new UserFacingError("not_found", "The console has no contact with this ContactId");
  const { campaignName, ...contact } = detail.contact;
  return Response.json(
    {
      contact,
      campaign: contact.campaignId ? { id: contact.campaignId, name: campaignName } : null,
      events: detail.events,
      live: detail.live,
      liveError: detail.liveError,
      connectUrl: detail.connectUrl,
    },
    { headers: { "cache-control": "no-store" } },
  );
});
