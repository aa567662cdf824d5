// One page of a contact's conversation (streamed items and the console's own events), with its receipts and stream
// status, for the contact page while the chat is open and for automation. Viewers may read it; customers' words only
// reach roles allowed to read them.
import { apiRoute } from "@/lib/api/route";
import { loadContactTranscript } from "@/lib/chat-stream/transcript-load";
import { transcriptQuerySchema } from "@/lib/chat-stream/transcript-query";
import { customerTextReader } from "@/lib/customer-text/reader";
import { contactIdSchema } from "@/lib/contacts/schemas";
import { UserFacingError } from "@/lib/errors";

export const GET = apiRoute("viewer", async ({ req, db, params, user }) => {
  // A bad query throws a ZodError, which the wrapper turns into a 400 with a message per field.
  const q = transcriptQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const id = contactIdSchema.safeParse(params.contactId);
  const transcript = id.success
    ? await loadContactTranscript(db, id.data, customerTextReader(user), { cursor: q.cursor, limit: q.limit, includeTyping: q.typing === "include" })
    : undefined;
  if (!transcript) throw new UserFacingError("not_found", "The console has no contact with this ContactId");
  return Response.json(transcript, { headers: { "cache-control": "no-store" } });
});
