import "server-only";
// A copy of any campaign as a new draft of the user who asks. The copy goes through the ordinary draft save, so its
// rows are read again from the stored list and checked against today's suppression list and numbering rules: a number
// suppressed since the original was saved is suppressed in the copy. The save streams, so a million rows never sit in
// memory, and the copy's audit entry is written with the draft itself.
import { eq, like } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record";
import { defineAction } from "@/lib/actions/safe-action";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { campaignSources, campaigns, type Campaign } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import { UserFacingError } from "@/lib/errors";
import { getUploadSummary } from "@/lib/uploads/queries";
import { preflightLimits } from "./limits";
import { getCampaign } from "./queries";
import { saveDraftCore, saveDraftSchema } from "./save-draft";
import type { CampaignInput } from "./schemas";
import { campaignIdSchema } from "./schemas";

const NAME_MAX = 120;
const SOURCE_GONE = "This campaign's recipient list is no longer stored, so it cannot be duplicated";

/** "<name> (copy)", or "(copy 2)", "(copy 3)"… when taken; the name is shortened so the suffix always fits. */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (copy)" : ` (copy ${n})`;
    const candidate = `${name.slice(0, NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

async function namesLike(db: Db, name: string): Promise<Set<string>> {
  const stem = name.slice(0, NAME_MAX - " (copy 999)".length);
  const rows = await db
    .select({ name: campaigns.name })
    .from(campaigns)
    .where(like(campaigns.name, `${escapeLike(stem)}%(copy%`));
  return new Set(rows.map((r) => r.name));
}

/** A start time or end time already gone would make the copy unsavable or start it at once: the copy drops it. */
function stillAhead(iso: unknown, now: Date): boolean {
  return typeof iso === "string" && Date.parse(iso) > now.getTime();
}

/** The composer input of `source` under a new name, naming its stored list (upload id or text) as a draft does. */
export async function duplicateInput(db: Db, source: Campaign, name: string, now = new Date()): Promise<CampaignInput> {
  const [stored] = await db.select().from(campaignSources).where(eq(campaignSources.campaignId, source.id));
  if (!stored || (!stored.uploadId && !stored.text)) throw new UserFacingError("conflict", SOURCE_GONE);
  if (stored.uploadId && !(await getUploadSummary(db, stored.uploadId))) throw new UserFacingError("conflict", SOURCE_GONE);
  const config = source.config as Omit<CampaignInput, "recipients"> & { recipients: Omit<CampaignInput["recipients"], "text">; endAt?: string };
  const { uploadId: _stale, ...recipients } = config.recipients;
  const given = stored.uploadId ? { uploadId: stored.uploadId } : { text: stored.text ?? "" };
  const { endAt, ...rest } = config;
  const schedule = rest.schedule?.mode === "at" && !stillAhead(rest.schedule.at, now) ? { mode: "now" as const } : rest.schedule;
  return {
    ...rest,
    ...(endAt !== undefined && stillAhead(endAt, now) ? { endAt } : {}),
    name,
    schedule,
    recipients: { ...recipients, ...given },
  } as CampaignInput;
}

export const duplicateCampaign = defineAction({
  name: "campaigns.duplicate",
  access: "supervisor",
  input: campaignIdSchema,
  handler: async ({ campaignId }, { db, actor, user }) => {
    const source = await getCampaign(db, campaignId);
    if (!source) throw new UserFacingError("not_found", "No campaign with this id");
    const name = copyName(source.name, await namesLike(db, source.name));
    const input = saveDraftSchema.parse({ campaign: await duplicateInput(db, source, name) });
    const alsoWhenStored = async (tx: Db, newId: string) => {
      await recordAudit(tx, actor, {
        action: "campaign.duplicated",
        targetType: "campaign",
        targetId: newId,
        diff: { sourceId: source.id, sourceName: source.name, sourceStatus: source.status, name },
      });
    };
    return saveDraftCore(db, await getGateway(), input, { actor, user, alsoWhenStored }, await preflightLimits(db));
  },
});
