import "server-only";
import { eq } from "drizzle-orm";
import { campaigns, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import type { CampaignStatus } from "./status";

/** Loads a campaign that a change needs in `status`, locking its row on PostgreSQL until the transaction ends. */
export async function loadCampaignForChange(db: Db, id: string, status: CampaignStatus, wrongStatusMessage: string): Promise<Campaign> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, id)).for("update");
  if (!campaign) throw new UserFacingError("not_found", "No campaign with this id");
  if (campaign.status !== status) throw new UserFacingError("conflict", wrongStatusMessage);
  return campaign;
}
