// How a contact's state and origin read, on the list and the contact page alike.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ORIGIN_LABEL, STATE_LABEL, type ContactOrigin, type ContactState } from "@/lib/contacts/list-filters";

const TONE: Record<ContactState, "success" | "neutral" | "warning"> = { open: "success", ended: "neutral", unknown: "warning" };

export function ContactStateBadge({ state }: { state: ContactState }) {
  return (
    <Badge tone={TONE[state]} data-testid="contact-state">
      {STATE_LABEL[state]}
    </Badge>
  );
}

/** The campaign as a link when the contact came from one; otherwise where it came from. */
export function ContactOriginText({ origin, campaignId, campaignName }: { origin: ContactOrigin; campaignId: string | null; campaignName: string | null }) {
  if (origin === "campaign" && campaignId) {
    return (
      <Link href={`/campaigns/${campaignId}`} className="text-primary hover:underline" data-testid="contact-campaign-link">
        {campaignName ?? "Campaign"}
      </Link>
    );
  }
  // A campaign that was deleted leaves its contacts behind without one.
  return <span data-testid="contact-origin">{ORIGIN_LABEL[origin]}</span>;
}
