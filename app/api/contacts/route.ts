// The contact history as JSON for the console's table and for automation: filtered, newest first, keyset pages.
import { apiRoute } from "@/lib/api/route";
import { listContacts } from "@/lib/contacts/queries";
import { contactListSchema } from "@/lib/contacts/schemas";

export const GET = apiRoute("viewer", async ({ req, db }) => {
  // A bad query throws a ZodError, which the wrapper turns into a 400 with a message per field.
  const filter = contactListSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const page = await listContacts(db, filter);
  return Response.json(page, { headers: { "cache-control": "no-store" } });
});
