import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { updateSendingCapacity } from "@/lib/settings/actions";
import { readSendingCapacity } from "@/lib/settings/sending-capacity";

// Settings → Sending's capacity: each source number's messages per second (by ARN; absent: the default for its type
// and country) and the WhatsApp business portfolio's daily limit (null: unlimited).
export const GET = apiRoute("viewer", async ({ db }) => Response.json({ sendingCapacity: await readSendingCapacity(db) }));

// Body as the settings form sends it: {"numbers":[{"arn","phoneNumber","messagesPerSecond"|null}],"whatsAppDailyLimit":"250"|…|"unlimited"};
// a number left out keeps its override. Admin keys only; audited as settings.sending_capacity_changed.
export const PUT = apiRoute("admin", async (ctx) =>
  actionResponse(updateSendingCapacity, await jsonBody(ctx.req), ctx, (sendingCapacity) => ({ sendingCapacity })),
);
