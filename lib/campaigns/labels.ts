import "server-only";
// Names for a campaign's instance, number and flow, from Connect; the ids when Connect cannot be asked.
import { getGateway } from "@/lib/connect/runtime-gateway";
import type { Campaign } from "@/lib/db/schema";

export interface CampaignLabels {
  instance: string;
  number: string;
  flow: string;
  lookupError?: string;
}

export async function campaignLabels(c: Campaign): Promise<CampaignLabels> {
  const fallback = { instance: c.instanceId, number: c.sourcePhoneNumberArn, flow: c.contactFlowId };
  try {
    const g = await getGateway();
    const [instances, numbers, flows] = await Promise.all([g.listInstances(), g.listPhoneNumbers(c.instanceId), g.listContactFlows(c.instanceId)]);
    const n = numbers.find((x) => x.arn === c.sourcePhoneNumberArn);
    return {
      instance: instances.find((i) => i.id === c.instanceId)?.alias ?? fallback.instance,
      number: n ? `${n.phoneNumber}${n.description ? ` (${n.description})` : ""}` : fallback.number,
      flow: flows.find((f) => f.id === c.contactFlowId)?.name ?? fallback.flow,
    };
  } catch (err) {
    return { ...fallback, lookupError: err instanceof Error ? err.message : String(err) };
  }
}
