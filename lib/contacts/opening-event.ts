import "server-only";
// The oldest row of a contact's events: the StartOutboundChatContact that created it. A campaign contact's request is
// rebuilt from its ledger row and the campaign's frozen config with the dispatcher's own request builder, so the page
// shows what was sent; a test send's request is kept in its audit entry, since nothing else remembers it.
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { ledgerRowRequest } from "@/lib/campaigns/request";
import type { CampaignConfig } from "@/lib/campaigns/schemas";
import type { StartOutboundChatInput } from "@/lib/connect/types";
import { auditLog, campaignRecipients, campaigns, contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";
import type { ContactEvent } from "./queries";

export const OPENING_EVENT_TYPE = "StartOutboundChatContact";
export const TEST_SENT_ACTION = "campaign.test_sent";

export type OpeningMessage =
  | { kind: "none" }
  | { kind: "text"; contentType: string; text: string }
  | { kind: "template"; knowledgeBaseId: string; messageTemplateId: string; templateName: string | null; variables: Record<string, string> };

/** What a StartOutboundChatContact carried, in the fields a person checks. JSON-safe: test sends keep it in the audit log. */
export interface OpeningRequest {
  contactFlowId: string;
  sourcePhoneNumberArn: string;
  participantDisplayName: string | null;
  chatDurationMinutes: number | null;
  attributes: Record<string, string>;
  supportedContentTypes: string[];
  relatedContactId: string | null;
  message: OpeningMessage;
}

/** The essentials of a request; the template's name is the composer's, since the request carries only its id. */
export function openingRequest(input: StartOutboundChatInput, templateName?: string | null): OpeningRequest {
  const message: OpeningMessage = input.template
    ? {
        kind: "template",
        knowledgeBaseId: input.template.knowledgeBaseId,
        messageTemplateId: input.template.messageTemplateId,
        templateName: templateName || null,
        variables: input.template.customAttributes ?? {},
      }
    : input.initialSystemMessage !== undefined
      ? { kind: "text", contentType: input.initialSystemMessageContentType ?? "text/plain", text: input.initialSystemMessage }
      : { kind: "none" };
  return {
    contactFlowId: input.contactFlowId,
    sourcePhoneNumberArn: input.sourcePhoneNumberArn,
    participantDisplayName: input.participantDisplayName ?? null,
    chatDurationMinutes: input.chatDurationInMinutes ?? null,
    attributes: input.attributes ?? {},
    supportedContentTypes: input.supportedMessagingContentTypes ?? [],
    relatedContactId: input.relatedContactId ?? null,
    message,
  };
}

function describeMessage(m: OpeningMessage | undefined): Pick<ContactEvent, "contentType" | "content"> {
  if (!m || m.kind === "none") return { contentType: null, content: null };
  if (m.kind === "text") return { contentType: m.contentType, content: m.text };
  const name = m.templateName ?? m.messageTemplateId;
  // Stored as jsonb, which keeps no key order: by name, numbers in numeric order ({{2}} before {{10}}).
  const values = Object.entries(m.variables)
    .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
    .map(([k, v]) => `{{${k}}}=${v}`);
  return { contentType: name, content: values.length > 0 ? `Template ${name} with ${values.join(", ")}` : `Template ${name}` };
}

interface Sent {
  id: number;
  at: Date;
  origin: string;
  by: string;
  status: string;
  attempts: number | null;
  /** null when the request was not kept (test sends audited before it was). */
  request: OpeningRequest | null;
}

function toEvent(s: Sent): ContactEvent {
  const { request, attempts, ...rest } = s;
  return { ...rest, source: "start", type: OPENING_EVENT_TYPE, ...describeMessage(request?.message), error: null, opening: { attempts, request } };
}

/** The contact's origin, with its ledger row and campaign when a campaign sent it. */
async function contactWithLedgerRow(db: Db, contactId: string) {
  const r = campaignRecipients;
  const [row] = await db
    .select({
      origin: contacts.origin,
      createdAt: contacts.createdAt,
      recipientId: r.id,
      campaignId: r.campaignId,
      phone: r.phone,
      name: r.name,
      attributes: r.attributes,
      variables: r.variables,
      sendStatus: r.sendStatus,
      attempts: r.attempts,
      sentAt: r.sentAt,
      campaignName: campaigns.name,
      config: campaigns.config,
    })
    .from(contacts)
    // The ledger row that says it was sent as this contact, whatever happened to the contact's campaign link since.
    .leftJoin(r, and(eq(contacts.origin, "campaign"), eq(r.id, contacts.recipientId), eq(r.contactId, contacts.contactId)))
    .leftJoin(campaigns, eq(campaigns.id, r.campaignId))
    .where(eq(contacts.contactId, contactId));
  return row;
}

function campaignOpening(row: NonNullable<Awaited<ReturnType<typeof contactWithLedgerRow>>>): ContactEvent | undefined {
  if (row.recipientId === null || row.campaignId === null || !row.phone || row.config === null) return undefined;
  const config = row.config as CampaignConfig;
  const input = ledgerRowRequest(row.campaignId, config, { phone: row.phone, name: row.name, attributes: row.attributes, variables: row.variables });
  return toEvent({
    id: row.recipientId,
    at: row.sentAt ?? row.createdAt,
    origin: "campaign",
    by: `campaign ${row.campaignName}`,
    status: row.sendStatus ?? "sent",
    attempts: row.attempts,
    request: openingRequest(input, config.message.kind === "template" ? config.message.templateName : null),
  });
}

interface TestSentDiff {
  request?: OpeningRequest;
}

/**
 * One lookup on the audit log: test sends target their contact (audit_log_target_idx); older entries targeted no row
 * and name the contact in their diff only, found through audit_log_action_idx.
 */
async function testSendOpening(db: Db, contactId: string): Promise<ContactEvent | undefined> {
  const [entry] = await db
    .select({ id: auditLog.id, at: auditLog.at, actorEmail: auditLog.actorEmail, diff: auditLog.diff })
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.targetId, contactId), eq(auditLog.action, TEST_SENT_ACTION)),
        and(eq(auditLog.action, TEST_SENT_ACTION), isNull(auditLog.targetId), sql`${auditLog.diff} ->> 'contactId' = ${contactId}`),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  if (!entry) return undefined;
  return toEvent({
    id: entry.id,
    at: entry.at,
    origin: "test send",
    by: entry.actorEmail,
    status: "sent",
    attempts: null,
    request: (entry.diff as TestSentDiff | null)?.request ?? null,
  });
}

/** The request that created the contact, when the console created it: by a campaign or a test send. */
export async function openingEvent(db: Db, contactId: string): Promise<ContactEvent | undefined> {
  const row = await contactWithLedgerRow(db, contactId);
  if (row?.origin === "campaign") return campaignOpening(row);
  if (row?.origin === "test_send") return testSendOpening(db, contactId);
  return undefined;
}
