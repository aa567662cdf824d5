import "server-only";
// Which kind of number each source number is (type and country), as Connect lists it: that decides its default
// messages per second. One listing per instance, looked up again every few minutes; kept in memory, per process.
import type { ConnectGateway } from "@/lib/connect/gateway";
import type { PhoneNumber } from "@/lib/connect/types";
import { errorSummary } from "@/lib/errors";
import type { DispatchOptions } from "./options";

interface Listing {
  /** By ARN; undefined until a listing succeeded. */
  numbers?: Map<string, PhoneNumber>;
  nextLookupMs: number;
  /** The current run of failed lookups was logged. */
  failureLogged: boolean;
}

export type NumberLookup = { found: PhoneNumber } | { missing: string };

export class NumberDirectory {
  private readonly listings = new Map<string, Listing>();

  constructor(
    private readonly gateway: Pick<ConnectGateway, "listPhoneNumbers">,
    private readonly o: Pick<DispatchOptions, "numberLookupMs" | "numberLookupRetryMs">,
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The number as Connect listed it, or why it is not known. A failed refresh keeps the last good listing. */
  async find(instanceId: string, arn: string): Promise<NumberLookup> {
    let listing = this.listings.get(instanceId);
    if (!listing) this.listings.set(instanceId, (listing = { nextLookupMs: 0, failureLogged: false }));
    if (this.now() >= listing.nextLookupMs) {
      try {
        const numbers = await this.gateway.listPhoneNumbers(instanceId);
        listing.numbers = new Map(numbers.map((n) => [n.arn, n]));
        listing.nextLookupMs = this.now() + this.o.numberLookupMs;
        listing.failureLogged = false;
      } catch (err) {
        listing.nextLookupMs = this.now() + this.o.numberLookupRetryMs;
        if (!listing.failureLogged) {
          listing.failureLogged = true;
          const kept = listing.numbers ? "the last listing still applies" : "numbers not listed before are paced at the slow, safe rate meanwhile";
          this.log(
            `could not list the numbers of instance ${instanceId} (${errorSummary(err)}); ${kept}, asking again every ${Math.round(this.o.numberLookupRetryMs / 1000)} s`,
          );
        }
      }
    }
    const found = listing.numbers?.get(arn);
    if (found) return { found };
    return { missing: listing.numbers ? `Connect does not list it in instance ${instanceId}` : `Connect could not list the numbers of instance ${instanceId}` };
  }
}
