// The one database schema. SQL migrations under lib/db/migrations are generated from it (npm run db:generate).
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "./roles";

export const userRole = pgEnum("user_role", ROLES);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const users = pgTable("users", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  role: userRole("role").notNull(),
  // Null for accounts that only sign in through single sign-on.
  passwordHash: text("password_hash"),
  disabledAt: ts("disabled_at"),
  // Set when an admin resets the password: the user must choose a new one before doing anything else.
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  // Granted by an admin: may approve or reject other people's launches when approval is required (admins always may).
  canApprove: boolean("can_approve").notNull().default(false),
  passwordChangedAt: ts("password_changed_at"),
  lastSignInAt: ts("last_sign_in_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

// Failed sign-ins counted per scope: "account" keys on the email typed and the client address together (so a guessing
// client cannot lock the real user out everywhere), "client" on the address alone (so spraying many emails is slowed),
// "email" on the email alone (slows a guess spread over many addresses, never locks). Unknown emails count like known ones.
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    failures: integer("failures").notNull().default(0),
    lastFailureAt: ts("last_failure_at"),
    lockedUntil: ts("locked_until"),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("sign_in_attempts_last_failure_idx").on(t.lastFailureAt)],
);

// One row per sign-in: the session cookie names it, and every request checks it, so sign-out, a password change or
// disabling the user ends it on the server, whatever copies of the cookie exist.
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    // Absolute end (SESSION_MAX_AGE_HOURS from sign-in) and the last request seen (idle timeout).
    expiresAt: ts("expires_at").notNull(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    revokedAt: ts("revoked_at"),
    revokedReason: text("revoked_reason"),
    method: text("method").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId, t.createdAt)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ts("at").notNull(),
    actorId: text("actor_id"),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    diff: jsonb("diff"),
    requestId: text("request_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    // sha256 (entries written before the chain was keyed) or hmac-sha256 (keyed: a database writer cannot re-forge it).
    hashAlg: text("hash_alg").notNull().default("sha256"),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_action_idx").on(t.action, t.id),
    index("audit_log_actor_idx").on(t.actorEmail, t.id),
    index("audit_log_target_idx").on(t.targetId, t.id),
  ],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;

// ── Campaigns ────────────────────────────────────────────────────────────────────────────────────────────
export const campaignStatus = pgEnum("campaign_status", ["draft", "scheduled", "running", "paused", "completed", "cancelled"]);
export const chatChannel = pgEnum("chat_channel", ["sms", "whatsapp"]);
export const preflightStatus = pgEnum("preflight_status", ["valid", "invalid", "duplicate", "suppressed"]);
export const sendStatus = pgEnum("send_status", ["pending", "sending", "sent", "failed", "skipped"]);
/** Why a pending row is held back by a guardrail rather than by a retry: its send window is closed, or a frequency cap. */
export const waitKind = pgEnum("wait_kind", ["send_window", "frequency_cap"]);

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    status: campaignStatus("status").notNull().default("draft"),
    pauseReason: text("pause_reason"),
    // Set while sending waits without failing, e.g. for chat capacity.
    waitingReason: text("waiting_reason"),
    channel: chatChannel("channel").notNull(),
    instanceId: text("instance_id").notNull(),
    contactFlowId: text("contact_flow_id").notNull(),
    sourcePhoneNumberArn: text("source_phone_number_arn").notNull(),
    // Everything else the composer set (message or template, content types, duration, attributes, pacing, mapping),
    // validated by the composer's zod schema; frozen at launch.
    config: jsonb("config").notNull(),
    // Counts per preflight status, and what the last preflight found blocking.
    preflight: jsonb("preflight").notNull(),
    // What the ledger rows were built from (upload or text, mapping, and the settings that shape rows): a save with the
    // same fingerprint leaves the rows alone.
    recipientsFingerprint: text("recipients_fingerprint"),
    // "writing" while a save replaces the ledger rows in batches; launch waits for "ready". A save that died part-way
    // leaves "writing", and the next save rebuilds the rows from the stored source.
    ledgerState: text("ledger_state").notNull().default("ready"),
    scheduledAt: ts("scheduled_at"),
    createdBy: uuid("created_by").notNull(),
    createdByEmail: text("created_by_email").notNull(),
    launchedBy: uuid("launched_by"),
    launchedAt: ts("launched_at"),
    finishedAt: ts("finished_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("campaigns_status_idx").on(t.status, t.createdAt), index("campaigns_created_idx").on(t.createdAt)],
);

// Two-person approval: a request binds the draft version it was made for (recipients fingerprint and config hash), so a
// later edit cannot ride on an approval given to something else. At most one open (pending or approved) per campaign.
export const approvalStatus = pgEnum("approval_status", ["pending", "approved", "rejected", "withdrawn"]);

export const campaignApprovals = pgTable(
  "campaign_approvals",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    status: approvalStatus("status").notNull().default("pending"),
    recipientsFingerprint: text("recipients_fingerprint"),
    configHash: text("config_hash").notNull(),
    // Valid recipients when asked, and why approval was needed (e.g. "over 1,000 recipients"), as shown to approvers.
    recipients: integer("recipients").notNull(),
    reasons: jsonb("reasons").notNull(),
    requestedBy: uuid("requested_by").notNull(),
    requestedByEmail: text("requested_by_email").notNull(),
    requestedAt: ts("requested_at").notNull().defaultNow(),
    decidedBy: uuid("decided_by"),
    decidedByEmail: text("decided_by_email"),
    decidedAt: ts("decided_at"),
    comment: text("comment"),
    withdrawnAt: ts("withdrawn_at"),
  },
  (t) => [
    index("campaign_approvals_campaign_idx").on(t.campaignId, t.requestedAt),
    // The approvals page and the header badge poll the pending ones.
    index("campaign_approvals_pending_idx")
      .on(t.requestedAt)
      .where(sql`${t.status} = 'pending'`),
    uniqueIndex("campaign_approvals_open_idx")
      .on(t.campaignId)
      .where(sql`${t.status} in ('pending', 'approved')`),
  ],
);

export type CampaignApproval = typeof campaignApprovals.$inferSelect;

export const campaignRecipients = pgTable(
  "campaign_recipients",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // No foreign key: PostgreSQL checks one row by row, which made up nearly half the cost of writing a million-row
    // draft. Rows are written only by lib/ledger for a campaign just stored, and a draft's rows are deleted before it.
    campaignId: uuid("campaign_id").notNull(),
    // Line of the source (CSV or pasted text), so every report row points back to what the user gave.
    line: integer("line").notNull(),
    phoneRaw: text("phone_raw").notNull(),
    phone: text("phone"),
    name: text("name"),
    attributes: jsonb("attributes"),
    variables: jsonb("variables"),
    preflightStatus: preflightStatus("preflight_status").notNull(),
    reason: text("reason"),
    duplicateOfLine: integer("duplicate_of_line"),
    // The send ledger; set for valid rows only.
    sendStatus: sendStatus("send_status"),
    attempts: integer("attempts").notNull().default(0),
    contactId: text("contact_id"),
    awsRequestId: text("aws_request_id"),
    lastErrorName: text("last_error_name"),
    lastErrorMessage: text("last_error_message"),
    nextAttemptAt: ts("next_attempt_at"),
    // While a row is `sending`: which dispatcher holds it and until when. A row whose lease ran out belonged to a
    // dispatcher that died mid-send; it is sent again with the same ClientToken, so Connect answers with the same contact.
    claimedBy: text("claimed_by"),
    leaseUntil: ts("lease_until"),
    sentAt: ts("sent_at"),
    // Replies that came back from this recipient (inbound messages on the campaign's number).
    repliedAt: ts("replied_at"),
    replyCount: integer("reply_count").notNull().default(0),
    // When the customer's side first reported the campaign's chat delivered and read (streamed receipts).
    deliveredAt: ts("delivered_at"),
    readAt: ts("read_at"),
    // When this recipient first answered the campaign with an opt-out keyword. Kept after a later START: the funnel
    // reports that they opted out of this campaign, whatever the suppression list says now.
    optedOutAt: ts("opted_out_at"),
    // The recipient's time zone (IANA name) from the list's time-zone column; null: the zones the number maps to.
    timeZone: text("time_zone"),
    // While a pending row waits for its send window or a frequency cap: which, and the words the ledger shows
    // ("waiting for send window (opens 09:00 America/Chicago)"). Cleared by whatever next happens to the row.
    waitKind: waitKind("wait_kind"),
    waitReason: text("wait_reason"),
    updatedAt: ts("updated_at"),
  },
  (t) => [
    uniqueIndex("campaign_recipients_line_uq").on(t.campaignId, t.line),
    // Every index here is written for each of a million rows a draft saves, so rows that no query looks up by a column
    // are left out of its index: valid rows are found by line (line_uq) or send status, unsent rows by line.
    index("campaign_recipients_not_sendable_idx")
      .on(t.campaignId, t.preflightStatus, t.line)
      .where(sql`${t.preflightStatus} <> 'valid'`),
    // History: a status filter, and the sort by sent time, each read one index range in page order (keyset on line).
    // The dispatcher claims due rows in line order through the same index.
    index("campaign_recipients_status_line_idx").on(t.campaignId, t.sendStatus, t.line),
    index("campaign_recipients_sent_at_idx")
      .on(t.campaignId, t.sentAt, t.line)
      .where(sql`${t.sentAt} is not null`),
    // Replies: the latest send to a customer number, across campaigns. Only sent rows: a draft's rows cost it nothing.
    index("campaign_recipients_reply_idx")
      .on(t.phone, t.sentAt)
      .where(sql`${t.sentAt} is not null`),
    // The campaign page's reply counts read only the recipients who replied.
    index("campaign_recipients_replied_idx")
      .on(t.campaignId, t.replyCount)
      .where(sql`${t.repliedAt} is not null`),
    // The funnel (lib/ledger/funnel.ts): each stage's rows in their own small index, counted without touching the rest
    // of a million-row campaign, and paged by line for the recipients' stage filter. Delivered-not-read and read are
    // disjoint, so together they count every delivered row, read ones included.
    index("campaign_recipients_delivered_idx")
      .on(t.campaignId, t.line)
      .where(sql`${t.deliveredAt} is not null and ${t.readAt} is null`),
    index("campaign_recipients_read_idx")
      .on(t.campaignId, t.line)
      .where(sql`${t.readAt} is not null`),
    index("campaign_recipients_replied_line_idx")
      .on(t.campaignId, t.line)
      .where(sql`${t.repliedAt} is not null`),
    index("campaign_recipients_opted_out_idx")
      .on(t.campaignId, t.line)
      .where(sql`${t.optedOutAt} is not null`),
    // Waiting rows, by what they wait for, paged by line: the recipients' "waiting" filter reads only them.
    index("campaign_recipients_waiting_idx")
      .on(t.campaignId, t.waitKind, t.line)
      .where(sql`${t.waitKind} is not null`),
    // Pending rows put off to a later time (retries and waits): the dispatcher reads the earliest of them to sleep until
    // it instead of looking for due rows among a million waiting ones. Rows never put off are not in it.
    index("campaign_recipients_next_attempt_idx")
      .on(t.campaignId, t.nextAttemptAt)
      .where(sql`${t.sendStatus} = 'pending' and ${t.nextAttemptAt} is not null`),
  ],
);

// A recipient list sent once (streamed to the server), decoded to text and stored where every process can read it.
// The check, the draft save and the launch refer to it by id, so the list never travels with a form again.
export const recipientUploads = pgTable(
  "recipient_uploads",
  {
    id: uuid("id")
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    format: text("format").notNull(),
    fileName: text("file_name"),
    byteSize: integer("byte_size").notNull(),
    // Recipient rows (header and blank lines excluded) and the header's column names, read once at upload.
    rowCount: integer("row_count").notNull(),
    header: jsonb("header").notNull(),
    // The first rows' cells, so the column mapping can show what each column holds without reading the file again.
    sample: jsonb("sample").$type<string[][]>(),
    sha256: text("sha256").notNull(),
    content: text("content").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("recipient_uploads_created_idx").on(t.createdBy, t.createdAt)],
);

export type RecipientUpload = typeof recipientUploads.$inferSelect;

// The recipients exactly as given, so a draft can be re-opened and re-mapped: an upload, or (drafts saved before
// uploads, and pasted lists) the text itself. Kept apart from campaigns so listing campaigns never reads megabytes of CSV.
export const campaignSources = pgTable("campaign_sources", {
  campaignId: uuid("campaign_id")
    .primaryKey()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  format: text("format").notNull(),
  fileName: text("file_name"),
  text: text("text"),
  uploadId: uuid("upload_id").references(() => recipientUploads.id),
});

// ── Dispatch ─────────────────────────────────────────────────────────────────────────────────────────────
// One token bucket per Connect account and region, shared by every campaign and every dispatcher process.
export const rateLimiters = pgTable("rate_limiters", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  // The rate in force now: the configured rate, lowered after throttling and raised back step by step.
  rate: doublePrecision("rate").notNull(),
  configuredRate: doublePrecision("configured_rate").notNull(),
  burst: doublePrecision("burst").notNull(),
  refilledAt: ts("refilled_at").notNull(),
});

// Each dispatcher, forwarder and reconciler process beats here every few seconds; rows leased by a process whose
// heartbeat stopped are taken back within seconds instead of after the whole lease.
export const processHeartbeats = pgTable("process_heartbeats", {
  id: text("id").primaryKey(),
  startedAt: ts("started_at").notNull().defaultNow(),
  heartbeatAt: ts("heartbeat_at").notNull().defaultNow(),
});

// Console settings an admin changes at run time (e.g. the account send rate).
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: text("updated_by"),
});

// ── Suppression list ─────────────────────────────────────────────────────────────────────────────────────
export const suppressions = pgTable(
  "suppressions",
  {
    phone: text("phone").primaryKey(),
    reason: text("reason").notNull().default(""),
    // manual, import, opt-out
    source: text("source").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("suppressions_created_idx").on(t.createdAt)],
);

// ── API keys ─────────────────────────────────────────────────────────────────────────────────────────────
export const apiKeys = pgTable("api_keys", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text("name").notNull(),
  role: userRole("role").notNull(),
  // The first characters of the key, shown so people can tell keys apart; the key itself is only hashed.
  prefix: text("prefix").notNull(),
  hash: text("hash").notNull().unique(),
  createdBy: uuid("created_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  lastUsedAt: ts("last_used_at"),
  revokedAt: ts("revoked_at"),
  expiresAt: ts("expires_at"),
  // The key's own request bucket (API_KEY_REQUESTS_PER_MINUTE), shared by every process through the database.
  rateTokens: doublePrecision("rate_tokens"),
  rateRefilledAt: ts("rate_refilled_at"),
});

export type Campaign = typeof campaigns.$inferSelect;
export type CampaignRecipient = typeof campaignRecipients.$inferSelect;
export type Suppression = typeof suppressions.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;

// ── Contacts ─────────────────────────────────────────────────────────────────────────────────────────────
// Every chat contact the console created or joined, with what Connect last said about it (reconciliation).
export const contactOrigin = pgEnum("contact_origin", ["campaign", "test_send", "chat_event", "inbound"]);
export const contactState = pgEnum("contact_state", ["open", "ended", "unknown"]);

export const contacts = pgTable(
  "contacts",
  {
    contactId: text("contact_id").primaryKey(),
    instanceId: text("instance_id").notNull(),
    channel: chatChannel("channel").notNull(),
    customerPhone: text("customer_phone").notNull(),
    // The Connect number (E.164) when known, and its Connect phone-number ARN.
    sourcePhone: text("source_phone"),
    sourcePhoneNumberArn: text("source_phone_number_arn"),
    origin: contactOrigin("origin").notNull(),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    recipientId: bigint("recipient_id", { mode: "number" }),
    createdBy: text("created_by").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    state: contactState("state").notNull().default("open"),
    initiationMethod: text("initiation_method"),
    initiatedAt: ts("initiated_at"),
    disconnectedAt: ts("disconnected_at"),
    disconnectReason: text("disconnect_reason"),
    // The earliest delivered and read receipts the chat's stream carried from the customer's side.
    deliveredAt: ts("delivered_at"),
    readAt: ts("read_at"),
    // Reconciliation: when DescribeContact was last asked, what it answered, and why it failed if it did.
    lastCheckedAt: ts("last_checked_at"),
    checkError: text("check_error"),
    details: jsonb("details"),
    // Chat streaming (StartContactStreaming), started by the stream starter after the contact was recorded. Status:
    // null until first claimed; pending while claimed or waiting for its next attempt; started once Connect gave a
    // StreamingId; failed when it will not be tried again (stream_error says why).
    streamStatus: text("stream_status"),
    streamingId: text("streaming_id"),
    // The topic streamed to, or being tried.
    streamTopicArn: text("stream_topic_arn"),
    streamAttempts: integer("stream_attempts").notNull().default(0),
    streamNextAttemptAt: ts("stream_next_attempt_at"),
    streamError: text("stream_error"),
  },
  (t) => [
    index("contacts_created_idx").on(t.createdAt, t.contactId),
    // The stream starter's open chats not yet streamed, per instance, oldest first. A chat leaves it once streamed,
    // given up, or ended, so rounds never walk past chats there is nothing left to do for.
    index("contacts_stream_due_idx")
      .on(t.instanceId, t.createdAt)
      .where(sql`${t.state} = 'open' and (${t.streamStatus} is null or ${t.streamStatus} = 'pending')`),
    index("contacts_campaign_idx").on(t.campaignId, t.state),
    // Reconciliation reads never-checked contacts oldest first straight from this index.
    index("contacts_state_checked_idx").on(t.state, t.lastCheckedAt, t.createdAt),
    // A campaign's contacts, newest first, without walking newer contacts of other campaigns.
    index("contacts_campaign_created_idx").on(t.campaignId, t.createdAt, t.contactId),
    index("contacts_customer_idx").on(t.customerPhone, t.createdAt),
  ],
);

// Every event the console sent with SendChatIntegrationEvent: by hand from the events page, or forwarded from an
// inbound integration.
export const chatEvents = pgTable(
  "chat_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    createdAt: ts("created_at").notNull().defaultNow(),
    // console (events page) or inbound (bridge)
    origin: text("origin").notNull(),
    actorEmail: text("actor_email").notNull(),
    integrationId: uuid("integration_id"),
    inboundMessageId: bigint("inbound_message_id", { mode: "number" }),
    instanceId: text("instance_id"),
    channel: chatChannel("channel").notNull(),
    // SourceId (customer number) and DestinationId (End User Messaging ARN) as sent, plus the Connect number.
    sourceId: text("source_id").notNull(),
    destinationId: text("destination_id").notNull(),
    destinationPhone: text("destination_phone"),
    destinationPhoneNumberArn: text("destination_phone_number_arn"),
    eventType: text("event_type").notNull(),
    contentType: text("content_type"),
    content: text("content"),
    newSession: jsonb("new_session"),
    // sent or failed
    status: text("status").notNull(),
    contactId: text("contact_id"),
    newChatCreated: boolean("new_chat_created"),
    requestId: text("request_id"),
    errorName: text("error_name"),
    errorMessage: text("error_message"),
  },
  (t) => [index("chat_events_created_idx").on(t.createdAt, t.id), index("chat_events_contact_idx").on(t.contactId, t.id)],
);

// ── Inbound bridge ───────────────────────────────────────────────────────────────────────────────────────
export const inboundIntegrations = pgTable("inbound_integrations", {
  id: uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  name: text("name").notNull(),
  channel: chatChannel("channel").notNull(),
  instanceId: text("instance_id").notNull(),
  phoneNumberArn: text("phone_number_arn").notNull(),
  phoneNumber: text("phone_number").notNull(),
  // The End User Messaging ARN sent as DestinationId.
  destinationArn: text("destination_arn").notNull(),
  // The signing secret, encrypted at rest; shown to the admin once, at creation.
  secretCiphertext: text("secret_ciphertext").notNull(),
  secretPrefix: text("secret_prefix").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  disabledAt: ts("disabled_at"),
});

export const inboundStatus = pgEnum("inbound_status", ["queued", "forwarded", "failed"]);

export const inboundMessages = pgTable(
  "inbound_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    integrationId: uuid("integration_id")
      .notNull()
      .references(() => inboundIntegrations.id, { onDelete: "cascade" }),
    messageId: text("message_id").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
    providerTimestamp: ts("provider_timestamp"),
    fromPhone: text("from_phone").notNull(),
    toPhone: text("to_phone").notNull(),
    // message, delivered, read
    type: text("type").notNull(),
    text: text("text"),
    status: inboundStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    lastErrorName: text("last_error_name"),
    lastErrorMessage: text("last_error_message"),
    forwardedAt: ts("forwarded_at"),
    contactId: text("contact_id"),
    newChatCreated: boolean("new_chat_created"),
    // The campaign recipient this reply answers, and what an opt-out keyword did (stop / start).
    campaignId: uuid("campaign_id"),
    recipientId: bigint("recipient_id", { mode: "number" }),
    optOut: text("opt_out"),
  },
  (t) => [
    uniqueIndex("inbound_messages_message_uq").on(t.integrationId, t.messageId),
    index("inbound_messages_chat_idx").on(t.integrationId, t.fromPhone, t.id),
    index("inbound_messages_queue_idx").on(t.status, t.nextAttemptAt),
    index("inbound_messages_contact_idx").on(t.contactId, t.id),
  ],
);

// Requests refused at the door (bad signature, stale timestamp, malformed body), kept so an admin can see why a
// provider's messages are not arriving.
export const inboundRejections = pgTable(
  "inbound_rejections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    integrationId: uuid("integration_id"),
    receivedAt: ts("received_at").notNull().defaultNow(),
    reason: text("reason").notNull(),
    ip: text("ip"),
    bodyExcerpt: text("body_excerpt"),
  },
  (t) => [index("inbound_rejections_received_idx").on(t.receivedAt), index("inbound_rejections_integration_received_idx").on(t.integrationId, t.receivedAt)],
);

// ── Chat streams ─────────────────────────────────────────────────────────────────────────────────────────
// Every chat item Connect streamed (StartContactStreaming → SNS → SQS), stored and acted on in one transaction. An
// SNS notification is kept once however often SQS delivers it, and a chat item once however many topics carry it.
export const chatStreamItems = pgTable(
  "chat_stream_items",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: text("message_id").notNull(),
    topicArn: text("topic_arn").notNull(),
    contactId: text("contact_id").notNull(),
    // The console knows a chat by the contact it started or joined, which stays the initial one after a transfer.
    initialContactId: text("initial_contact_id").notNull(),
    instanceId: text("instance_id"),
    itemId: text("item_id").notNull(),
    // MESSAGE or EVENT (kept as text: Connect may stream other item types).
    type: text("type").notNull(),
    contentType: text("content_type").notNull(),
    participantRole: text("participant_role"),
    participantId: text("participant_id"),
    // The customer's or the flow's text: personal data, never logged; a page or route showing it goes through redactCustomerText.
    content: text("content"),
    absoluteTime: ts("absolute_time").notNull(),
    receivedAt: ts("received_at").notNull().defaultNow(),
    // When SNS handed the notification on (SQS SentTimestamp, or the HTTP delivery's Timestamp): the console's clock,
    // which its own records of messages it sent into Connect share.
    publishedAt: ts("published_at"),
    // What the item changed: delivered, read, ended, reply, reply_recorded (the console had counted it already), or
    // reply_pending: a customer message shown at once whose reply effects wait out the grace period (pending-replies.ts).
    effect: text("effect"),
    // The console's own record of the same customer message (a chat event it sent), matched at most once.
    matchedChatEventId: bigint("matched_chat_event_id", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("chat_stream_items_message_uq").on(t.messageId),
    uniqueIndex("chat_stream_items_item_uq").on(t.initialContactId, t.itemId),
    // A chat's transcript in order: Connect's time, then arrival.
    index("chat_stream_items_chat_idx").on(t.initialContactId, t.absoluteTime, t.id),
    // The customer messages whose reply effects are due, oldest first; a row leaves it once applied.
    index("chat_stream_items_reply_pending_idx")
      .on(t.publishedAt, t.id)
      .where(sql`${t.effect} = 'reply_pending'`),
    uniqueIndex("chat_stream_items_chat_event_uq")
      .on(t.matchedChatEventId)
      .where(sql`${t.matchedChatEventId} is not null`),
  ],
);

export type Contact = typeof contacts.$inferSelect;
export type ChatEvent = typeof chatEvents.$inferSelect;
export type InboundIntegration = typeof inboundIntegrations.$inferSelect;
export type InboundMessage = typeof inboundMessages.$inferSelect;
export type ChatStreamItem = typeof chatStreamItems.$inferSelect;
