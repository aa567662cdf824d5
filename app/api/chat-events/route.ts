// The chat events the console sent, as JSON for the Chat events page: filtered, newest first, one keyset page at a time.
import { apiRoute } from "@/lib/api/route";
import { chatEventFilterSchema } from "@/lib/chat-events/filters";
import { listChatEvents } from "@/lib/chat-events/queries";
import { customerTextReader } from "@/lib/customer-text/reader";
import { publicChatEvent } from "@/lib/chat-events/view";

export const GET = apiRoute("viewer", async ({ req, db, user }) => {
  // A bad filter throws a ZodError, which the wrapper turns into a 400 with a message per field.
  const filter = chatEventFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { events, nextCursor } = await listChatEvents(db, filter);
  const reader = customerTextReader(user);
  return Response.json({ events: events.map((e) => publicChatEvent(e, reader)), nextCursor }, { headers: { "cache-control": "no-store" } });
});
