// How long a flow keeps the chats it starts open: the config's override, else the seed's endsChatAfterSeconds.
import type { CatalogFlow } from "./catalog";
import type { ConnectLocalConfig } from "./config";

/** Milliseconds after the start at which the flow disconnects the chat; undefined when it leaves the chat open. */
export function flowEndsAfterMs(flow: CatalogFlow, config: Pick<ConnectLocalConfig, "flowEndsChatAfterSeconds">): number | undefined {
  const override = config.flowEndsChatAfterSeconds[flow.id];
  const seconds = override === undefined ? flow.endsChatAfterSeconds : (override ?? undefined);
  return seconds === undefined ? undefined : seconds * 1000;
}
