// Shapes the console reads from Connect. Plain data only: safe to import from client components and forms.

export type ChatChannel = "sms" | "whatsapp";

export interface ConnectInstance {
  id: string;
  arn: string;
  alias?: string;
  status?: string;
  identityManagementType?: string;
  createdAt?: Date;
  accessUrl?: string;
  inboundCallsEnabled?: boolean;
  outboundCallsEnabled?: boolean;
}

export interface ConnectInstanceDetails extends ConnectInstance {
  statusReason?: string;
  serviceRole?: string;
  tags: Record<string, string>;
}

export interface ContactFlow {
  id: string;
  arn: string;
  name: string;
  /** CONTACT_FLOW, CUSTOMER_QUEUE, CAMPAIGN, … */
  type?: string;
  /** ACTIVE or ARCHIVED. */
  state?: string;
  /** PUBLISHED or SAVED; only published, active flows can start chats. */
  status?: string;
}

export interface PhoneNumber {
  id: string;
  /** Pass as sourcePhoneNumberArn when starting a chat. */
  arn: string;
  phoneNumber: string;
  countryCode?: string;
  type?: string;
  description?: string;
  instanceId?: string;
  targetArn?: string;
  /** End User Messaging ARN; inbound events name it as their destination. */
  sourcePhoneNumberArn?: string;
}

export interface Queue {
  id: string;
  arn: string;
  name: string;
  type?: string;
  lastModifiedAt?: Date;
}

export interface KnowledgeBase {
  id: string;
  arn: string;
  name: string;
  /** MESSAGE_TEMPLATES holds WhatsApp/SMS templates. */
  type?: string;
  status?: string;
  description?: string;
}

export interface MessageTemplate {
  id: string;
  arn: string;
  knowledgeBaseId: string;
  knowledgeBaseArn: string;
  name: string;
  /** SMS, EMAIL, WHATSAPP, PUSH. */
  channelSubtype?: string;
  description?: string;
  activeVersionNumber?: number;
  createdAt?: Date;
  lastModifiedAt?: Date;
  lastModifiedBy?: string;
  tags: Record<string, string>;
}

/** One message template as its customers see it (GetMessageTemplate). */
export interface MessageTemplateDetail {
  id: string;
  arn: string;
  name: string;
  /** SMS, EMAIL, WHATSAPP, … */
  channelSubtype: string;
  /** e.g. en_US. */
  language?: string;
  /** WhatsApp review status (VALID, INVALID, REJECTED), when Connect reports it. */
  status?: string;
  /** The text a customer sees, with its {{placeholders}} as written. */
  body: string;
  /** The body's placeholders in order of first use: the custom attributes each contact must carry. */
  variables: string[];
  /** Set when a numbered version was asked for (id:3, id:$ACTIVE_VERSION); $LATEST has none. */
  versionNumber?: number;
}

/** Meta's category of a WhatsApp template; Meta may add names, which arrive as they are. */
export type WhatsAppTemplateCategoryName = "MARKETING" | "UTILITY" | "AUTHENTICATION" | (string & {});

/** Which WhatsApp template's category to read: the one a campaign sends from this number. */
export interface WhatsAppTemplateCategoryQuery {
  instanceId: string;
  /** PhoneNumber.arn of the number the campaign sends from. */
  sourcePhoneNumberArn: string;
  /** The Q in Connect template's name, which is the Meta template's name. */
  templateName: string;
  /** e.g. en_US; without it, the template's languages must agree on one category. */
  language?: string;
}

/** What End User Messaging Social says of a WhatsApp template's category, or why it could not be read. */
export type WhatsAppTemplateCategory =
  | { known: true; category: WhatsAppTemplateCategoryName; businessAccountId: string; metaTemplateId?: string; language?: string }
  | { known: false; reason: string };

/** A template's body rendered with given attributes (RenderMessageTemplate). */
export interface RenderedMessageTemplate {
  /** Filled placeholders replaced; unfilled ones left as written. */
  body: string;
  /** Placeholders with no value, in order of first use. */
  missing: string[];
}

export interface StartOutboundChatInput {
  instanceId: string;
  contactFlowId: string;
  /** PhoneNumber.arn of a number claimed by the instance. */
  sourcePhoneNumberArn: string;
  /** Customer number in E.164. */
  destinationPhoneNumber: string;
  channel: ChatChannel;
  /** Idempotency key: the same token on the same instance within 7 days returns the same contact. */
  clientToken: string;
  attributes?: Record<string, string>;
  chatDurationInMinutes?: number;
  participantDisplayName?: string;
  initialSystemMessage?: string;
  /** text/plain (default) or text/markdown. */
  initialSystemMessageContentType?: "text/plain" | "text/markdown";
  template?: {
    knowledgeBaseId: string;
    messageTemplateId: string;
    customAttributes?: Record<string, string>;
    customerProfileAttributes?: string;
  };
  relatedContactId?: string;
  supportedMessagingContentTypes?: string[];
}

export interface StartOutboundChatResult {
  contactId: string;
  requestId?: string;
}

export interface ChatIntegrationEventInput {
  /** Customer number (E.164). */
  sourceId: string;
  /** End User Messaging number ARN (PhoneNumber.sourcePhoneNumberArn). */
  destinationId: string;
  channel: ChatChannel;
  event: { type: "MESSAGE" | "EVENT" | "DISCONNECT"; contentType?: string; content?: string };
  newSession?: {
    participantDisplayName?: string;
    attributes?: Record<string, string>;
    supportedMessagingContentTypes?: string[];
    streamingEndpointArn?: string;
  };
}

export interface ChatIntegrationEventResult {
  initialContactId?: string;
  newChatCreated: boolean;
  requestId?: string;
}

/** StartContactStreaming: the chat's messages and events go to an SNS topic from now on. */
export interface StartContactStreamingInput {
  instanceId: string;
  contactId: string;
  /** ARN of a standard SNS topic in the instance's Region. */
  streamingEndpointArn: string;
  /** Idempotency key: the same token on the same contact returns the first call's StreamingId. */
  clientToken: string;
}

export interface StartContactStreamingResult {
  streamingId: string;
  requestId?: string;
}

export interface ContactDetails {
  id: string;
  arn?: string;
  channel?: string;
  /** The SegmentAttributes connect:Subtype, e.g. connect:SMS. */
  subtype?: string;
  initiationMethod?: string;
  initiatedAt?: Date;
  lastUpdatedAt?: Date;
  disconnectedAt?: Date;
  disconnectReason?: string;
  customerAddress?: string;
  systemAddress?: string;
  relatedContactId?: string;
  attributes: Record<string, string>;
  /** Every SegmentAttributes entry as Connect sent it ({ValueString}, {ValueInteger}, {ValueMap}, …). */
  segmentAttributes?: Record<string, unknown>;
  customerEndpoint?: ContactEndpoint;
  systemEndpoint?: ContactEndpoint;
}

export interface ContactEndpoint {
  type?: string;
  address?: string;
  displayName?: string;
}

export type ConnectErrorKind = "throttled" | "concurrency-limited" | "transient" | "permanent-for-this-recipient" | "systemic";

export interface ConnectErrorInfo {
  kind: ConnectErrorKind;
  name: string;
  message: string;
  requestId?: string;
  httpStatus?: number;
}
