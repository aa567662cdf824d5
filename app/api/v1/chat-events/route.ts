// Chat events for automation: send one as the Chat events page does (same action, rules and audit), and list them
// with the page's filters and pages.
import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { actionInputFor } from "@/lib/chat-events/api-destination";
import { apiChatEventSchema } from "@/lib/chat-events/api-schema";
import { sendChatEvent } from "@/lib/chat-events/actions";
import { customerTextReader } from "@/lib/customer-text/reader";
import { findChatEvent } from "@/lib/chat-events/queries";
import { publicChatEvent } from "@/lib/chat-events/view";

export { GET } from "@/app/api/chat-events/route";

export const POST = apiRoute("supervisor", async (ctx) => {
  // A bad body throws a ZodError, which the wrapper turns into a 400 with a message per field.
  const body = apiChatEventSchema.parse(await jsonBody(ctx.req));
  const input = await actionInputFor(body);
  return actionResponse(
    sendChatEvent,
    input,
    ctx,
    async ({ eventId, ...result }) => ({ event: publicChatEvent((await findChatEvent(ctx.db, eventId))!, customerTextReader(ctx.user)), ...result }),
    201,
  );
});
