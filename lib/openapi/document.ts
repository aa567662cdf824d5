// The automation API described as OpenAPI 3.1; request bodies are generated from the zod schemas the API validates with.
import { z } from "zod";
import { apiCampaignSchema } from "@/lib/campaigns/api-schema";
import { retryFailedSchema, testSendSchema } from "@/lib/campaigns/schemas";
import { rescheduleSchema } from "@/lib/campaigns/schedule-actions-schema";
import { WAITING_FILTERS } from "@/lib/campaigns/waits";
import { FUNNEL_STAGES } from "@/lib/ledger/funnel-stages";
import { apiChatEventSchema } from "@/lib/chat-events/api-schema";
import { CHAT_EVENT_STATUSES } from "@/lib/chat-events/filters";
import { CHAT_EVENT_TYPES } from "@/lib/chat-events/schemas";
import { approveSchema, rejectSchema } from "@/lib/approvals/schemas";
import { approvalSettingUpdateSchema } from "@/lib/settings/approval-schema";
import { chatStreamingSchema } from "@/lib/settings/chat-streaming-schema";
import { frequencyCapsSchema } from "@/lib/settings/frequency-caps-schema";
import { sendWindowSettingSchema } from "@/lib/settings/send-window-schema";
import { sendingCapacitySchema } from "@/lib/settings/schemas";

const body = (schema: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } },
});
const json = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });
const errors = {
  "400": { description: "Invalid input", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "401": { description: "Missing, unknown or revoked API key", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "403": { description: "The key's role may not do this", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  "404": { description: "Not found", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
};
const tooLarge = {
  description: "The file is over RECIPIENTS_MAX_MB, or the list has more than 1,000,000 rows; the message says by how much",
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};
const uploadSchema = {
  type: "object",
  required: ["upload"],
  properties: {
    upload: {
      type: "object",
      required: ["id", "format", "fileName", "bytes", "rows", "header", "sha256", "createdAt"],
      properties: {
        id: { type: "string", format: "uuid", description: "Give it as recipients.uploadId of a campaign" },
        format: { type: "string", enum: ["csv", "paste"] },
        fileName: { type: ["string", "null"] },
        bytes: { type: "integer", description: "Size of the list as UTF-8 text" },
        rows: { type: "integer", description: "Recipient rows, without the header and blank lines" },
        header: { type: "array", items: { type: "string" }, description: "The CSV's column names (phone, name for pasted numbers)" },
        sample: {
          type: "array",
          items: { type: "array", items: { type: "string" } },
          description: "The first rows' cells (up to 3, each cut at 200 characters), to show what each column holds",
        },
        sha256: { type: "string", description: "SHA-256 of the text, hex" },
        createdAt: { type: "string", format: "date-time" },
      },
    },
  },
};
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const instanceParam = { name: "instanceId", in: "path", required: true, schema: { type: "string" } };

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Outbound Console API",
      version: "1",
      description:
        "Create, check and launch outbound SMS and WhatsApp chat campaigns on Amazon Connect. Authenticate with `Authorization: Bearer <key>` (admins create keys in Settings → API keys). Every call is attributed to its key in the audit log.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: ["unauthenticated", "forbidden", "invalid", "not_found", "conflict", "rate_limited", "unavailable", "internal"] },
                message: { type: "string" },
                fields: { type: "object", additionalProperties: { type: "string" }, description: "Field path → message" },
              },
            },
          },
        },
      },
    },
    paths: {
      "/api/v1/campaigns": {
        get: { summary: "List campaigns with status and counts per recipient status", responses: { "200": json("Campaigns"), ...errors } },
        post: {
          summary: "Create a draft campaign; answers with the campaign and its preflight",
          description:
            "Recipients are an array of {phone, name, attributes}; or CSV text or pasted numbers with a column mapping; or, for a large list, {format, uploadId, mapping} naming a list sent once to POST /api/v1/recipient-uploads.",
          requestBody: body(apiCampaignSchema),
          responses: { "201": json("The draft and its preflight report"), ...errors },
        },
      },
      "/api/v1/campaigns/{id}": {
        get: {
          summary: "A campaign's status and counts",
          description:
            "`campaign.plan` is the capacity plan its last check made (duration, end, the binding ceiling in words, what would change it, expected sends over time). While it runs or waits for its start, `eta` is the same plan made from now: rows left, the account rate in force, open chats and the flow's learned chat lifetime. `funnel` is {counts: {started, delivered, read, replied, optedOut}, rates: {delivered, read, replied, optedOut}, receiptsStreamed}: started counts recipients sent (a contact was created); a read recipient counts as delivered too, even without a delivered receipt; each rate is a share of started (0 to 1, null before anything started). With `receiptsStreamed` false the campaign's instance streams no chats (Settings → Chat streaming), so delivered and read are unknown, not zero.",
          parameters: [idParam],
          responses: { "200": json("The campaign, its ETA while it is sending, and its funnel"), ...errors },
        },
        patch: {
          summary: "Replace a draft; answers with the campaign and its preflight",
          description: "The same body as creating one. Recipient rows are rewritten only when the list, mapping or a setting that shapes them changed.",
          parameters: [idParam],
          requestBody: body(apiCampaignSchema),
          responses: { "200": json("The draft and its preflight report"), ...errors },
        },
      },
      "/api/v1/campaigns/{id}/recipients": {
        get: {
          summary: "The recipient ledger, paginated",
          description:
            "Each recipient carries sentAt, deliveredAt, readAt, repliedAt and optedOutAt (null until it happens; optedOutAt stays after a later START). `stage` keeps the recipients at one funnel stage: delivered (delivered, not read), read (read, no reply), replied, opted_out. A pending recipient held back carries `waitingFor` (send_window or frequency_cap; null otherwise) and `waitReason` in words (\"waiting for send window (opens 09:00 America/Chicago)\"); it is sent when the wait ends. A skipped one says why in `reason` (e.g. expired, frequency cap, send window never opens). `timeZone` is the recipient's own IANA zone from the list's time-zone column, or null when the zones come from the number. `waiting` keeps the recipients waiting for send_window, frequency_cap, or any of them, in line order; any other value is a 400.",
          parameters: [
            idParam,
            {
              name: "status",
              in: "query",
              schema: { type: "string", enum: ["pending", "sending", "sent", "failed", "skipped", "valid", "invalid", "duplicate", "suppressed"] },
            },
            { name: "stage", in: "query", schema: { type: "string", enum: [...FUNNEL_STAGES] }, description: "Only recipients at this funnel stage" },
            {
              name: "waiting",
              in: "query",
              schema: { type: "string", enum: [...WAITING_FILTERS] },
              description: "Only pending recipients waiting for their send window, a frequency cap, or either (any)",
            },
            { name: "cursor", in: "query", schema: { type: "integer" }, description: "nextCursor of the previous page" },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
          ],
          responses: { "200": json("{recipients, nextCursor}"), ...errors },
        },
      },
      "/api/v1/campaigns/{id}/launch": {
        post: {
          summary: "Launch a draft",
          parameters: [idParam],
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["confirmRecipients"],
                  properties: {
                    confirmRecipients: { type: "integer", description: "The valid recipient count you confirm; refused if it changed" },
                    confirmInvalid: {
                      type: "integer",
                      description:
                        "The invalid row count you accept leaving out. Required when more rows are invalid than LAUNCH_CONFIRM_INVALID_PERCENT allows (preflight.launchConfirm.invalidShareAbove); refused if it changed",
                    },
                  },
                },
              },
            },
          },
          responses: {
            "200": json("The launched campaign"),
            "409": { description: "Blocked by preflight, already launched, or the count changed" },
            ...errors,
          },
        },
      },
      "/api/v1/campaigns/{id}/{control}": {
        post: {
          summary: "Pause, resume or cancel a launched campaign, or retry its failed recipients",
          description:
            "pause, resume and cancel take effect within a second; sends in flight finish. retry-failed queues the failed recipients again with their same ClientTokens, so anyone Connect did reach gets the same contact back rather than a second chat: a completed campaign goes back to running, a paused one stays paused. Connect remembers a ClientToken for 7 days only: failed recipients whose outcome is unknown (timeouts, 5xx) on a campaign that started more than 6.5 days ago are held back unless the body sets includeUnverifiable to true, since a retry may reach them twice. The answer's campaign.requeued is how many were queued, campaign.heldBack how many were held back.",
          parameters: [
            idParam,
            { name: "control", in: "path", required: true, schema: { type: "string", enum: ["pause", "resume", "cancel", "retry-failed"] } },
          ],
          requestBody: {
            ...body(retryFailedSchema.omit({ campaignId: true })),
            required: false,
            description: "retry-failed only; the other controls take no body",
          },
          responses: {
            "200": json("The campaign with its new status"),
            "409": { description: "Not allowed from the current status, no recipient has failed, or every failed one is held back" },
            ...errors,
          },
        },
      },
      "/api/v1/campaigns/{id}/duplicate": {
        post: {
          summary: "Duplicate a campaign (any status) into a new draft",
          description:
            'The copy is named "<name> (copy)" (or "(copy 2)"… when taken), belongs to the caller and has the same settings and recipient list, whose rows are checked again now: numbers suppressed since are suppressed in the copy. A start time or end time already past is dropped.',
          parameters: [idParam],
          responses: {
            "201": json("{campaign, preflight}: the new draft and its check"),
            "409": { description: "The campaign's recipient list is no longer stored" },
            ...errors,
          },
        },
      },
      "/api/v1/campaigns/{id}/reschedule": {
        post: {
          summary: "Move a scheduled campaign's start, before it starts",
          parameters: [idParam],
          requestBody: body(rescheduleSchema.omit({ campaignId: true })),
          responses: {
            "200": json("The campaign with its new scheduledAt"),
            "409": { description: "The campaign is not scheduled (a draft, or it started), or its start time has come" },
            ...errors,
          },
        },
      },
      "/api/v1/campaigns/{id}/unschedule": {
        post: {
          summary: "Send a scheduled campaign back to draft, before it starts",
          parameters: [idParam],
          responses: {
            "200": json("The campaign, now a draft"),
            "409": { description: "The campaign is not scheduled: a draft, or it started" },
            ...errors,
          },
        },
      },
      "/api/v1/campaigns/{id}/approval-request": {
        post: {
          summary: "Submit a draft for a second person's approval",
          description:
            "When the approval setting covers the launch (more valid recipients than `aboveRecipients`), launch answers 409 until a different person who may approve (an admin, or a user an admin made an approver) approves the draft as it is now. The request is bound to the draft's recipient list and settings: saving the draft again with any change withdraws it (audited `campaign.approval_withdrawn`). Audited as `campaign.approval_requested`.",
          parameters: [idParam],
          responses: {
            "201": json("{approval}: the pending request with its recipients and reasons"),
            "409": { description: "Not a draft, blocked by its check, needs no approval, or already waiting or approved" },
            ...errors,
          },
        },
      },
      "/api/v1/campaigns/{id}/approve": {
        post: {
          summary: "Approve a pending launch (admin keys)",
          description:
            "A key acts for the admin who created it: the person who asked for approval or created the campaign is refused with 403, whichever of their keys is used. Audited as `campaign.approved`; then the campaign launches as usual.",
          parameters: [idParam],
          requestBody: { ...body(approveSchema.omit({ campaignId: true })), required: false },
          responses: { "200": json("{approval}"), "409": { description: "No request is waiting for this campaign" }, ...errors },
        },
      },
      "/api/v1/campaigns/{id}/reject": {
        post: {
          summary: "Reject a pending launch with a comment (admin keys)",
          description:
            "The comment is required and shown to the author on the campaign page. Audited as `campaign.rejected`; the author may edit and submit again.",
          parameters: [idParam],
          requestBody: body(rejectSchema.omit({ campaignId: true })),
          responses: { "200": json("{approval}"), "409": { description: "No request is waiting for this campaign" }, ...errors },
        },
      },
      "/api/v1/approvals": {
        get: {
          summary: "Approval requests by status",
          description:
            "Pending ones oldest first, the others newest first; at most 200. Each names the campaign, who asked and when, the recipients and why approval is needed.",
          parameters: [{ name: "status", in: "query", schema: { type: "string", enum: ["pending", "approved", "rejected", "withdrawn"], default: "pending" } }],
          responses: { "200": json("{approvals}"), ...errors },
        },
      },
      "/api/v1/recipient-uploads": {
        post: {
          summary: "Upload a recipient list once; name it by its id in a campaign's recipients.uploadId",
          description:
            "The body is the file itself (text/csv, text/plain or application/octet-stream), or multipart/form-data with the file in a part named file (and optionally a format field). The text must be UTF-8. The list is read once to count its rows and take its header; its rows are checked when a campaign is saved with it. Uploads no campaign uses are deleted after 24 hours.",
          parameters: [
            {
              name: "format",
              in: "query",
              schema: { type: "string", enum: ["csv", "paste"], default: "csv" },
              description: "CSV with a header line, or one number per line",
            },
            {
              name: "fileName",
              in: "query",
              schema: { type: "string", maxLength: 255 },
              description: "Shown in the console; a form part's own file name is used when left out",
            },
          ],
          requestBody: {
            required: true,
            content: {
              "text/csv": { schema: { type: "string" } },
              "text/plain": { schema: { type: "string" } },
              "application/octet-stream": { schema: { type: "string", format: "binary" } },
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["file"],
                  properties: { file: { type: "string", format: "binary" }, format: { type: "string", enum: ["csv", "paste"] } },
                },
              },
            },
          },
          responses: {
            "201": { description: "The stored upload", content: { "application/json": { schema: uploadSchema } } },
            "413": tooLarge,
            ...errors,
          },
        },
      },
      "/api/v1/recipient-uploads/{id}": {
        get: {
          summary: "An upload's details (never its content)",
          parameters: [idParam],
          responses: { "200": { description: "The upload", content: { "application/json": { schema: uploadSchema } } }, ...errors },
        },
      },
      "/api/v1/test-sends": {
        post: {
          summary: "Send a campaign's exact request to one number now",
          requestBody: body(testSendSchema),
          responses: { "201": json("{contactId, phone}"), "503": { description: "Amazon Connect refused; the message names its error" }, ...errors },
        },
      },
      "/api/v1/settings/sending-capacity": {
        get: {
          summary: "Each source number's messages per second and the WhatsApp daily limit",
          description:
            "`numberMessagesPerSecond` maps phone-number ARNs to the rate an admin set; a number not listed sends at the default for its type and country (10DLC and Canadian long codes 1/s, other long codes 10/s, toll-free 3/s, short codes 100/s, WhatsApp 80/s). `whatsAppDailyLimit` is unique customers per rolling 24 hours, null for unlimited. The planner and the dispatcher use both.",
          responses: { "200": json("{sendingCapacity}"), ...errors },
        },
        put: {
          summary: "Set numbers' messages per second and the WhatsApp daily limit (admin keys)",
          description: "A number left out of `numbers` keeps its setting; `messagesPerSecond: null` returns it to its default. Audited.",
          requestBody: body(sendingCapacitySchema),
          responses: { "200": json("{sendingCapacity}"), ...errors },
        },
      },
      "/api/v1/settings/chat-streaming": {
        get: {
          summary: "The SNS topic each Connect instance's chats are streamed to",
          description:
            "`topics` maps instance ids to a topic ARN, or \"\" where an admin turned streaming off; an instance not listed streams to its default (in local mode the simulator's chat-stream topic, against AWS none). The console starts streaming for each chat it creates or joins and reads the topic's queue (CHAT_STREAM_QUEUE_URL) for delivered and read receipts, replies and chat ends.",
          responses: { "200": json("{chatStreaming}"), ...errors },
        },
        put: {
          summary: "Set the topic of one or more instances (admin keys)",
          description:
            '`topicArn` must be a standard SNS topic in the instance\'s Region, or "" to turn streaming off; an instance left out keeps its topic. Checked against the instances Connect lists, so Connect must answer. Audited.',
          requestBody: body(chatStreamingSchema()),
          responses: { "200": json("{chatStreaming}"), "503": { description: "Amazon Connect did not list the instances" }, ...errors },
        },
      },
      "/api/v1/settings/approval": {
        get: {
          summary: "Whether launches need a second person's approval",
          description:
            "`enabled` and `aboveRecipients`: when enabled, a launch of more valid recipients than that needs approval (0: every launch). `whatsAppMarketing`: every WhatsApp launch whose template Meta categorises as MARKETING needs approval, whatever its size; the category is read from AWS End User Messaging Social in the WhatsApp Business Account of the campaign's source number, and a category that cannot be read (no linked account, access denied, no such template) counts as marketing, the reason saying why. Both off by default.",
          responses: { "200": json("{approval}"), ...errors },
        },
        put: {
          summary: "Set the approval rule (admin keys)",
          description: "Audited as settings.approval_changed with before and after. Leaving out `whatsAppMarketing` keeps it as it is.",
          requestBody: body(approvalSettingUpdateSchema),
          responses: { "200": json("{approval}"), ...errors },
        },
      },
      "/api/v1/settings/frequency-caps": {
        get: {
          summary: "How often one customer number may be contacted, across campaigns",
          description:
            '`rules`: each at most `count` contacts per number in `windowHours`, counted over every campaign and test send the console made to that number; `whenCapped` says whether a row over a cap is skipped (reason `frequency cap`) or waits until the cap allows (`waitingFor` "frequency_cap" on the recipients page). No rules: no caps. A campaign may be exempt (`frequencyCap: "exempt"`, audited) or add stricter `frequencyCapRules` of its own.',
          responses: { "200": json("{frequencyCaps}"), ...errors },
        },
        put: {
          summary: "Replace the frequency cap rules (admin keys)",
          description: "Audited as settings.frequency_caps_changed with before and after.",
          requestBody: body(frequencyCapsSchema),
          responses: { "200": json("{frequencyCaps}"), ...errors },
        },
      },
      "/api/v1/settings/send-window": {
        get: {
          summary: "The default send window: the hours each recipient may be contacted, in their own time zone",
          description:
            '`window`: per weekday (`mon`…`sun`) `{from, to}` as local "HH:MM" (`to` exclusive, up to "24:00") or null for closed, and `blockedDates` (YYYY-MM-DD, the recipient\'s local calendar); null sends at any time. A recipient\'s zone comes from the number (country, and area code where a country spans zones; where it maps to several zones the window must be open in all of them) or the row\'s `timezone` column. Campaigns keep to it unless their `sendWindow` is "none" or a window of their own. A row outside its window waits (`waitingFor` "send_window", `waitReason` "waiting for send window (opens 09:00 America/Chicago)" on the recipients page) and is sent when it opens.',
          responses: { "200": json("{sendWindow}"), ...errors },
        },
        put: {
          summary: "Replace the default send window (admin keys)",
          description: "Audited as settings.send_window_changed with before and after.",
          requestBody: body(sendWindowSettingSchema),
          responses: { "200": json("{sendWindow}"), ...errors },
        },
      },
      "/api/v1/instances": { get: { summary: "Connect instances", responses: { "200": json("{instances}"), ...errors } } },
      "/api/v1/instances/{instanceId}/numbers": {
        get: { summary: "Phone numbers claimed by an instance", parameters: [instanceParam], responses: { "200": json("{numbers}"), ...errors } },
      },
      "/api/v1/instances/{instanceId}/flows": {
        get: { summary: "Contact flows of an instance", parameters: [instanceParam], responses: { "200": json("{flows}"), ...errors } },
      },
      "/api/v1/templates": { get: { summary: "Knowledge bases with their message templates", responses: { "200": json("{knowledgeBases}"), ...errors } } },
      "/api/v1/contacts": {
        get: {
          summary: "Chat contacts the console created or joined, newest first, paginated",
          parameters: [
            { name: "q", in: "query", schema: { type: "string" }, description: "A ContactId (exact), or digits of the customer or Connect number (contains)" },
            { name: "state", in: "query", schema: { type: "string", enum: ["open", "ended", "unknown"] } },
            { name: "channel", in: "query", schema: { type: "string", enum: ["sms", "whatsapp"] } },
            { name: "origin", in: "query", schema: { type: "string", enum: ["campaign", "test_send", "chat_event", "inbound"] } },
            { name: "campaignId", in: "query", schema: { type: "string", format: "uuid" } },
            { name: "from", in: "query", schema: { type: "string", format: "date-time" }, description: "Created at or after" },
            { name: "to", in: "query", schema: { type: "string", format: "date-time" }, description: "Created at or before" },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page, with the same filters" },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          ],
          responses: { "200": json("{contacts, nextCursor}"), ...errors },
        },
      },
      "/api/v1/chat-events": {
        get: {
          summary: "Chat events sent by hand, through the API or by inbound integrations, newest first, paginated",
          parameters: [
            { name: "type", in: "query", schema: { type: "string", enum: [...CHAT_EVENT_TYPES] } },
            { name: "status", in: "query", schema: { type: "string", enum: [...CHAT_EVENT_STATUSES] } },
            { name: "contactId", in: "query", schema: { type: "string" }, description: "A ContactId, exactly" },
            { name: "q", in: "query", schema: { type: "string" }, description: "Digits of the customer or Connect number (contains)" },
            { name: "cursor", in: "query", schema: { type: "integer" }, description: "nextCursor of the previous page, with the same filters" },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          ],
          responses: { "200": json("{events, nextCursor}"), ...errors },
        },
        post: {
          summary: "Send a chat event as the customer (SendChatIntegrationEvent): a MESSAGE joins or starts their chat, DISCONNECT ends it",
          description:
            "Name the Connect number by destinationPhoneNumber (E.164) or phoneNumberId (id or ARN); it must be a number of the instance with an AWS End User Messaging ARN serving the channel. The event is stored and audited whether Connect accepts it or not. A MESSAGE Connect accepts counts as a reply to the campaign that last messaged the customer from that number, and STOP or START keywords change the suppression list. AccessDeniedException is explained: AWS restricts this operation to End User Messaging integrations.",
          requestBody: body(apiChatEventSchema),
          responses: {
            "201": json("{event, contactId, newChatCreated, reply, optOut, suppressionChanged}; contactId is null when a DISCONNECT found no active chat"),
            "429": { description: "Amazon Connect throttled the event", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
            "503": {
              description: "Amazon Connect refused the event; the message names its error and request id",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
            },
            ...errors,
          },
        },
      },
      "/api/v1/contacts/{contactId}": {
        get: {
          summary: "One contact: the stored record, its campaign, the events sent into it and a live DescribeContact",
          description: "When Amazon Connect cannot be asked, live is null and liveError names Connect's error; the stored record still comes back.",
          parameters: [{ name: "contactId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": json("{contact, campaign, events, live, liveError, connectUrl}"), ...errors },
        },
      },
      "/api/v1/contacts/{contactId}/transcript": {
        get: {
          summary: "A contact's conversation in order: every streamed chat item and the console's own events the stream did not carry, paginated",
          description:
            "Each entry names its source (stream, events page, inbound bridge), its time (at: Connect's time for a streamed item) and when the console had it (receivedAt), Connect's participant role, whether it is a message or an event, and plain words for events (Delivered, Read, Customer left, Chat ended…). Customers' texts are null with hiddenReason for keys below CUSTOMER_TEXT_ROLE. Typing indicators are left out unless typing=include, and typingOmitted counts them. The answer also carries the chat's delivered and read receipt times and its stream status (started, starting, failed or not_streamed, with the reason).",
          parameters: [
            { name: "contactId", in: "path", required: true, schema: { type: "string" } },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 500, default: 500 } },
            { name: "typing", in: "query", schema: { type: "string", enum: ["omit", "include"], default: "omit" } },
          ],
          responses: { "200": json("{contactId, state, deliveredAt, readAt, disconnectedAt, stream, entries, nextCursor, typingOmitted}"), ...errors },
        },
      },
    },
  };
}
