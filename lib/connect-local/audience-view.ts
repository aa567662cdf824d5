// GET /_local/audience: what the audience model has scheduled and emitted, so a load run can wait for the funnel it drew.
import type { SimContext } from "./context";

export function audienceView(ctx: SimContext) {
  return ctx.audience.view(ctx.config.audience, ctx.clock.nowMs());
}
