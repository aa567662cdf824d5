// The ClientToken of a recipient, derived from the campaign and the recipient: a retry or a replay after a crash
// sends the same token, so Connect returns the contact it already created instead of starting a second chat.
import { createHash } from "node:crypto";

export function clientTokenFor(campaignId: string, e164: string): string {
  return `oc-${createHash("sha256").update(`${campaignId}\n${e164}`).digest("hex")}`;
}
