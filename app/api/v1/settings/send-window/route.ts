import { apiRoute } from "@/lib/api/route";
import { actionResponse, jsonBody } from "@/lib/api/run-action";
import { readSendWindowSetting } from "@/lib/settings/send-window";
import { updateSendWindow } from "@/lib/settings/send-window-actions";

// Settings → Send window: {"window":{"days":{"mon":{"from":"09:00","to":"20:00"},…,"sun":null},"blockedDates":["2026-12-25"]}},
// hours in each recipient's own time zone. {"window":null}: campaigns keeping to the default send at any time.
export const GET = apiRoute("viewer", async ({ db }) => Response.json({ sendWindow: await readSendWindowSetting(db) }));

// Replaces the default. Admin keys only; audited as settings.send_window_changed with before and after.
export const PUT = apiRoute("admin", async (ctx) => actionResponse(updateSendWindow, await jsonBody(ctx.req), ctx, (sendWindow) => ({ sendWindow })));
