import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { accountLimiterKey } from "@/lib/dispatch/options";
import { campaignProgress } from "@/lib/dispatch/progress";
import { env } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";

// Polled by the campaign page while a campaign is sending.
export const GET = apiRoute("viewer", async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  const progress = id.success ? await campaignProgress(db, id.data, { limiterKey: accountLimiterKey(env().region, env().CONNECT_MODE) }) : undefined;
  if (!progress) throw new UserFacingError("not_found", "No campaign with this id");
  return Response.json({ progress }, { headers: { "cache-control": "no-store" } });
});
