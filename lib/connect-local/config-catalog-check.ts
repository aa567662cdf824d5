// Config overrides name seed resources by id; this says which names are unknown or do not fit, in plain words.
import type { Catalog } from "./catalog";
import type { ConnectLocalConfig } from "./config";

export function configProblems(config: Pick<ConnectLocalConfig, "numberMessagesPerSecond" | "flowEndsChatAfterSeconds">, catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const [id, rates] of Object.entries(config.numberMessagesPerSecond)) {
    const number = catalog.findPhoneNumberById(id);
    if (!number) {
      problems.push(`numberMessagesPerSecond names phone number ${id}, which is not in the seed (use the phone number id)`);
      continue;
    }
    if (typeof rates === "object") {
      for (const channel of Object.keys(rates)) {
        if (!(number.channels as string[]).includes(channel)) {
          problems.push(
            `numberMessagesPerSecond["${id}"] names ${channel}, which ${number.phoneNumber} does not serve (it serves ${number.channels.join(", ")})`,
          );
        }
      }
    }
  }
  for (const id of Object.keys(config.flowEndsChatAfterSeconds)) {
    const flow = catalog.findFlowInAnyInstance(id);
    if (!flow) problems.push(`flowEndsChatAfterSeconds names flow ${id}, which is not in the seed`);
    else if (flow.type !== "CONTACT_FLOW")
      problems.push(`flowEndsChatAfterSeconds names flow ${flow.name} (${id}), a ${flow.type} flow; only CONTACT_FLOW flows start chats`);
  }
  return problems;
}
