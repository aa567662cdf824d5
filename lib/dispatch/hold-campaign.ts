import "server-only";
import type { CampaignState } from "./campaign-state";
import { setWaitingReason } from "./campaign-transitions";
import type { DispatchContext } from "./dispatch-context";

/** Holds a campaign for `ms` (no claims; its rows stay pending) and says why on its row: one write, only when the reason changes. */
export async function holdCampaign(ctx: DispatchContext, st: CampaignState, ms: number, reason: string): Promise<void> {
  st.hold(Date.now() + ms);
  if (st.waitingReason !== reason) {
    st.waitingReason = reason;
    await setWaitingReason(ctx.db, st.campaign.id, reason);
  }
}
