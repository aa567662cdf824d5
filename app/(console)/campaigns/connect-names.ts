// Names for the source numbers and flows in a list of campaigns, from the Connect listings (cached per instance and
// shared with the composer). Only ids are stored with a campaign, so those show until the listings arrive, or if
// Connect cannot be asked.
import { useQueries } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import type { ContactFlow, PhoneNumber } from "@/lib/connect/types";

const LISTING_STALE_MS = 5 * 60_000;
const instancePath = (instanceId: string) => `/api/connect/instances/${encodeURIComponent(instanceId)}`;

export interface ConnectNames {
  number(instanceId: string, arn: string): string;
  flow(instanceId: string, flowId: string): string;
}

/** The number's own id (the end of its ARN) reads better than the whole ARN. */
const arnTail = (arn: string) => arn.slice(arn.lastIndexOf("/") + 1) || arn;

export function useConnectNames(instanceIds: string[]): ConnectNames {
  const ids = Array.from(new Set(instanceIds));
  const numbers = useQueries({
    queries: ids.map((id) => ({
      queryKey: ["connect", "numbers", id],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<{ numbers: PhoneNumber[] }>(`${instancePath(id)}/numbers`, signal),
      staleTime: LISTING_STALE_MS,
      retry: false,
    })),
  });
  const flows = useQueries({
    queries: ids.map((id) => ({
      queryKey: ["connect", "flows", id],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJson<{ flows: ContactFlow[] }>(`${instancePath(id)}/flows`, signal),
      staleTime: LISTING_STALE_MS,
      retry: false,
    })),
  });
  return {
    number: (instanceId, arn) => numbers[ids.indexOf(instanceId)]?.data?.numbers.find((n) => n.arn === arn)?.phoneNumber ?? arnTail(arn),
    flow: (instanceId, flowId) => flows[ids.indexOf(instanceId)]?.data?.flows.find((f) => f.id === flowId)?.name ?? flowId,
  };
}
