import "server-only";
// Shapes of the automation API's approval answers.
import { jsonBody } from "@/lib/api/run-action";
import type { ApprovalListItem } from "./queries";

/** A body that may be left out entirely (approve takes an optional comment). */
export async function optionalJsonBody(req: Request): Promise<Record<string, unknown>> {
  if ((await req.clone().arrayBuffer()).byteLength === 0) return {};
  const body = await jsonBody(req);
  return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export function approvalListView(a: ApprovalListItem) {
  return {
    id: a.id,
    campaign: { id: a.campaignId, name: a.campaignName, channel: a.channel },
    status: a.status,
    recipients: a.recipients,
    reasons: a.reasons,
    requestedBy: a.requestedByEmail,
    requestedAt: a.requestedAt.toISOString(),
    decidedBy: a.decidedByEmail,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    comment: a.comment,
  };
}
