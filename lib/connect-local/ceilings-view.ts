// GET /_local/ceilings: every sending ceiling in force and how much of each is used, for capacity planning.
import type { SimContext } from "./context";
import { flowEndsAfterMs } from "./flow-endings";
import { messagesPerSecond } from "./number-rates";
import { messagingLimitOf } from "./sending-ceilings";

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export function ceilingsView(ctx: SimContext) {
  const { catalog, config, clock, ceilings } = ctx;
  const now = clock.nowMs();
  return {
    enforceNumberThroughput: config.enforceNumberThroughput,
    enforceWhatsAppMessagingLimit: config.enforceWhatsAppMessagingLimit,
    numbers: catalog.phoneNumbers.map((number) => ({
      id: number.id,
      phoneNumber: number.phoneNumber,
      instanceId: number.instanceId,
      type: number.type,
      countryCode: number.countryCode,
      messagesPerSecond: Object.fromEntries(number.channels.map((channel) => [channel, messagesPerSecond(number, channel, config)])),
      whatsAppBusinessAccountId: number.whatsAppBusinessAccountId ?? null,
    })),
    whatsAppBusinessAccounts: catalog.whatsAppBusinessAccounts.map((account) => ({
      id: account.id,
      name: account.name,
      messagingLimit: messagingLimitOf(ctx, account.id),
      customersInLast24Hours: ceilings.reach.count(account.id, now),
      nextFreeAt: iso(ceilings.reach.nextFreeAtMs(account.id, now)),
    })),
    flowsEndingChats: catalog.instances.flatMap((instance) =>
      catalog.flows(instance.id).flatMap((flow) => {
        const endsAfterMs = flowEndsAfterMs(flow, config);
        return endsAfterMs === undefined ? [] : [{ id: flow.id, instanceId: instance.id, name: flow.name, endsChatAfterSeconds: endsAfterMs / 1000 }];
      }),
    ),
    clock: { now: iso(now), speed: clock.getSpeed() },
  };
}
