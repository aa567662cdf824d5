import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { readFrequencyCaps } from "@/lib/settings/frequency-caps";
import { updateFrequencyCaps } from "@/lib/settings/frequency-caps-actions";

// Settings → Frequency caps: {"rules":[{"count":1,"windowHours":24,"whenCapped":"skip"}]}, counted per number over every
// contact the console created (campaign and test sends). No rules: no caps.
export const GET = apiRoute("viewer", async ({ db }) => Response.json({ frequencyCaps: await readFrequencyCaps(db) }));

// The whole list replaces the old one. Admin keys only; audited as settings.frequency_caps_changed with before and after.
export const PUT = apiRoute("admin", async (ctx) => actionResponse(updateFrequencyCaps, await jsonBody(ctx.req), ctx, (frequencyCaps) => ({ frequencyCaps })));
