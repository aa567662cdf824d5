import "server-only";
import type { CampaignState } from "./campaign-state";
import { setWaitingReason } from "./campaign-transitions";
import type { DispatchContext } from "./dispatch-context";

/**
 * Holds a campaign for `ms` (no claims; its rows stay pending) and says why on its row: one write, only when the reason
 * changes. A hold never outlasts the campaign's deadline, so its rows expire on time rather than when the wait ends.
 */
export async function holdCampaign(ctx: DispatchContext, st: CampaignState, ms: number, reason: string): Promise<void> {
  const until = Date.now() + ms;
  st.hold(typeof st.deadlineMs === "number" ? Math.min(until, st.deadlineMs) : until);
  if (st.waitingReason !== reason) {
    st.waitingReason = reason;
    await setWaitingReason(ctx.db, st.campaign.id, reason);
  }
}
