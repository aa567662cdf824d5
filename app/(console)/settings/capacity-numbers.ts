import "server-only";
// Every SMS or WhatsApp source number across the account's Connect instances, for the sending capacity settings. An
// instance that fails to list is reported and skipped, so the others can still be set.
import { numberChannels } from "@/lib/connect/number-channels";
import { viaConnect } from "@/lib/connect/runtime-gateway";
import type { ChatChannel, ConnectInstance, PhoneNumber } from "@/lib/connect/types";

export interface CapacityNumber {
  arn: string;
  phoneNumber: string;
  instance: string;
  /** Connect's PhoneNumberType: DID, TOLL_FREE, SHORT_CODE… */
  type?: string;
  /** ISO country of the number, which decides a long code's default throughput. */
  countryCode?: string;
  channels: ChatChannel[];
}

export interface CapacityNumbers {
  numbers: CapacityNumber[];
  /** One line per instance (or the whole account) Connect did not list. */
  problems: string[];
}

const label = (i: ConnectInstance) => i.alias ?? i.id;

function toCapacityNumber(instance: ConnectInstance, n: PhoneNumber): CapacityNumber | null {
  const can = numberChannels(n);
  const channels = (["sms", "whatsapp"] as const).filter((c) => can[c]);
  if (channels.length === 0) return null;
  return { arn: n.arn, phoneNumber: n.phoneNumber, instance: label(instance), type: n.type, countryCode: n.countryCode, channels };
}

export async function listCapacityNumbers(): Promise<CapacityNumbers> {
  let instances: ConnectInstance[];
  try {
    instances = await viaConnect((g) => g.listInstances());
  } catch (err) {
    return { numbers: [], problems: [`Cannot list instances. ${err instanceof Error ? err.message : String(err)}`] };
  }
  const listed = await Promise.allSettled(instances.map((i) => viaConnect((g) => g.listPhoneNumbers(i.id))));
  const numbers = new Map<string, CapacityNumber>();
  const problems: string[] = [];
  listed.forEach((result, index) => {
    const instance = instances[index]!;
    if (result.status === "rejected") {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      problems.push(`Cannot list the numbers of ${label(instance)}. ${reason}`);
      return;
    }
    for (const n of result.value) {
      const row = toCapacityNumber(instance, n);
      if (row && !numbers.has(row.arn)) numbers.set(row.arn, row);
    }
  });
  const sorted = [...numbers.values()].sort((a, b) => a.instance.localeCompare(b.instance) || a.phoneNumber.localeCompare(b.phoneNumber));
  return { numbers: sorted, problems };
}
