import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { retrySafety, TOKEN_WINDOW_DAYS } from "@/lib/campaigns/retry-safety";
import { UserFacingError } from "@/lib/errors";

// Read by the Retry failed dialog when it opens: how many rows a retry sends, and how many it holds back by default.
export const GET = apiRoute("viewer", async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  const safety = id.success ? await retrySafety(db, id.data) : undefined;
  if (!safety) throw new UserFacingError("not_found", "No campaign with this id");
  return Response.json({ preview: { ...safety, windowDays: TOKEN_WINDOW_DAYS } }, { headers: { "cache-control": "no-store" } });
});
