// The one interface the console uses to talk to Amazon Connect, on the official SDK clients for AWS and local mode alike.
import {
  ConnectClient,
  DescribeContactCommand,
  DescribeInstanceCommand,
  SendChatIntegrationEventCommand,
  StartContactStreamingCommand,
  StartOutboundChatContactCommand,
  StopContactCommand,
  paginateListContactFlows,
  paginateListInstances,
  paginateListPhoneNumbersV2,
  paginateListQueues,
  type ContactFlowType,
} from "@aws-sdk/client-connect";
import {
  GetMessageTemplateCommand,
  QConnectClient,
  RenderMessageTemplateCommand,
  paginateListKnowledgeBases,
  paginateListMessageTemplates,
} from "@aws-sdk/client-qconnect";
import { templateBody, toMessageTemplateDetail } from "./map-message-template";
import { createSocialMessagingReads } from "./social-messaging";
import { createTemplateCategoryReader } from "./template-category";
import { toContactDetails, toContactFlow, toInstance, toInstanceDetails, toKnowledgeBase, toMessageTemplate, toPhoneNumber, toQueue } from "./map-responses";
import type {
  ChatChannel,
  ChatIntegrationEventInput,
  ChatIntegrationEventResult,
  ConnectInstance,
  ConnectInstanceDetails,
  ContactDetails,
  ContactFlow,
  KnowledgeBase,
  MessageTemplate,
  MessageTemplateDetail,
  PhoneNumber,
  Queue,
  RenderedMessageTemplate,
  StartContactStreamingInput,
  StartContactStreamingResult,
  StartOutboundChatInput,
  StartOutboundChatResult,
  WhatsAppTemplateCategory,
  WhatsAppTemplateCategoryQuery,
} from "./types";

export interface ConnectGateway {
  listInstances(): Promise<ConnectInstance[]>;
  describeInstance(instanceId: string): Promise<ConnectInstanceDetails>;
  listContactFlows(instanceId: string, types?: string[]): Promise<ContactFlow[]>;
  /** ListPhoneNumbersV2 scoped to one instance. */
  listPhoneNumbers(instanceId: string): Promise<PhoneNumber[]>;
  listQueues(instanceId: string): Promise<Queue[]>;
  listKnowledgeBases(): Promise<KnowledgeBase[]>;
  listMessageTemplates(knowledgeBaseId: string): Promise<MessageTemplate[]>;
  /** One template with its body; the id may carry a version qualifier (`id:3`, `id:$ACTIVE_VERSION`). */
  getMessageTemplate(knowledgeBaseId: string, messageTemplateId: string): Promise<MessageTemplateDetail>;
  /** The body with these custom attributes filled in; blank values count as missing. */
  renderMessageTemplate(knowledgeBaseId: string, messageTemplateId: string, customAttributes: Record<string, string>): Promise<RenderedMessageTemplate>;
  /**
   * Meta's category of a WhatsApp template as End User Messaging Social reports it for the business account the source
   * number is registered in; listings are cached for five minutes. Never throws: what stopped the read is the reason.
   */
  whatsAppTemplateCategory(query: WhatsAppTemplateCategoryQuery): Promise<WhatsAppTemplateCategory>;
  startOutboundChat(input: StartOutboundChatInput): Promise<StartOutboundChatResult>;
  sendChatIntegrationEvent(input: ChatIntegrationEventInput): Promise<ChatIntegrationEventResult>;
  /** Streams the chat's items to an SNS topic; failures are the SDK's errors, read with classifyConnectError. */
  startContactStreaming(input: StartContactStreamingInput): Promise<StartContactStreamingResult>;
  describeContact(instanceId: string, contactId: string): Promise<ContactDetails>;
  stopContact(instanceId: string, contactId: string): Promise<void>;
}

export interface ConnectGatewayOptions {
  /** local: the simulator at `endpoint` with dummy credentials; aws: the default credential chain. */
  mode: "local" | "aws";
  /** Required in local mode; optional override (e.g. a VPC endpoint) in aws mode. */
  endpoint?: string;
  region: string;
  /** SDK attempts per call; 1 when the caller owns retries. SDK default is 3. */
  maxAttempts?: number;
  /** Abort a call that takes longer than this, as a TimeoutError. */
  requestTimeoutMs?: number;
}

const SUBTYPE: Record<ChatChannel, string> = { sms: "connect:SMS", whatsapp: "connect:WhatsApp" };

export function createConnectGateway(options: ConnectGatewayOptions): ConnectGateway {
  if (options.mode === "local" && !options.endpoint) throw new Error("createConnectGateway: local mode needs an endpoint");
  // The pinned SDK runs on Node 20; its notice about future releases is noise in every process.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const shared = {
    region: options.region,
    endpoint: options.endpoint,
    maxAttempts: options.maxAttempts,
    credentials: options.mode === "local" ? { accessKeyId: "local", secretAccessKey: "local" } : undefined,
    requestHandler: options.requestTimeoutMs
      ? { requestTimeout: options.requestTimeoutMs, connectionTimeout: options.requestTimeoutMs, throwOnRequestTimeout: true }
      : undefined,
  };
  const connect = new ConnectClient(shared);
  const qconnect = new QConnectClient(shared);

  const gateway: ConnectGateway = {
    whatsAppTemplateCategory: (query) => templateCategory(query),

    async listInstances() {
      const instances: ConnectInstance[] = [];
      for await (const page of paginateListInstances({ client: connect }, {})) {
        instances.push(...(page.InstanceSummaryList ?? []).map(toInstance));
      }
      return instances;
    },

    async describeInstance(instanceId) {
      const { Instance } = await connect.send(new DescribeInstanceCommand({ InstanceId: instanceId }));
      return toInstanceDetails(Instance ?? {});
    },

    async listContactFlows(instanceId, types) {
      const flows: ContactFlow[] = [];
      const input = { InstanceId: instanceId, ContactFlowTypes: types as ContactFlowType[] | undefined };
      for await (const page of paginateListContactFlows({ client: connect }, input)) {
        flows.push(...(page.ContactFlowSummaryList ?? []).map(toContactFlow));
      }
      return flows;
    },

    async listPhoneNumbers(instanceId) {
      const numbers: PhoneNumber[] = [];
      for await (const page of paginateListPhoneNumbersV2({ client: connect }, { InstanceId: instanceId })) {
        numbers.push(...(page.ListPhoneNumbersSummaryList ?? []).map(toPhoneNumber));
      }
      return numbers;
    },

    async listQueues(instanceId) {
      const queues: Queue[] = [];
      for await (const page of paginateListQueues({ client: connect }, { InstanceId: instanceId })) {
        queues.push(...(page.QueueSummaryList ?? []).map(toQueue));
      }
      return queues;
    },

    async listKnowledgeBases() {
      const kbs: KnowledgeBase[] = [];
      for await (const page of paginateListKnowledgeBases({ client: qconnect }, {})) {
        kbs.push(...(page.knowledgeBaseSummaries ?? []).map(toKnowledgeBase));
      }
      return kbs;
    },

    async listMessageTemplates(knowledgeBaseId) {
      const templates: MessageTemplate[] = [];
      for await (const page of paginateListMessageTemplates({ client: qconnect }, { knowledgeBaseId })) {
        templates.push(...(page.messageTemplateSummaries ?? []).map(toMessageTemplate));
      }
      return templates;
    },

    async getMessageTemplate(knowledgeBaseId, messageTemplateId) {
      const { messageTemplate } = await qconnect.send(new GetMessageTemplateCommand({ knowledgeBaseId, messageTemplateId }));
      if (!messageTemplate) throw new Error("GetMessageTemplate returned no messageTemplate");
      return toMessageTemplateDetail(messageTemplate);
    },

    async renderMessageTemplate(knowledgeBaseId, messageTemplateId, customAttributes) {
      // Q in Connect refuses empty attribute values; a blank one is left out and its placeholder reported as missing.
      const filled = Object.fromEntries(Object.entries(customAttributes).filter(([, value]) => value.trim() !== ""));
      const output = await qconnect.send(new RenderMessageTemplateCommand({ knowledgeBaseId, messageTemplateId, attributes: { customAttributes: filled } }));
      return { body: templateBody(output.content), missing: output.attributesNotInterpolated ?? [] };
    },

    async startOutboundChat(input) {
      const output = await connect.send(
        new StartOutboundChatContactCommand({
          InstanceId: input.instanceId,
          ContactFlowId: input.contactFlowId,
          SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: input.sourcePhoneNumberArn },
          DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: input.destinationPhoneNumber },
          SegmentAttributes: { "connect:Subtype": { ValueString: SUBTYPE[input.channel] } },
          Attributes: input.attributes,
          ChatDurationInMinutes: input.chatDurationInMinutes,
          ParticipantDetails: input.participantDisplayName ? { DisplayName: input.participantDisplayName } : undefined,
          InitialSystemMessage: input.initialSystemMessage
            ? { ContentType: input.initialSystemMessageContentType ?? "text/plain", Content: input.initialSystemMessage }
            : undefined,
          InitialTemplatedSystemMessage: input.template
            ? {
                KnowledgeBaseId: input.template.knowledgeBaseId,
                MessageTemplateId: input.template.messageTemplateId,
                TemplateAttributes: {
                  CustomAttributes: input.template.customAttributes,
                  CustomerProfileAttributes: input.template.customerProfileAttributes,
                },
              }
            : undefined,
          RelatedContactId: input.relatedContactId,
          SupportedMessagingContentTypes: input.supportedMessagingContentTypes,
          ClientToken: input.clientToken,
        }),
      );
      if (!output.ContactId) throw new Error("StartOutboundChatContact returned no ContactId");
      return { contactId: output.ContactId, requestId: output.$metadata.requestId };
    },

    async sendChatIntegrationEvent(input) {
      const session = input.newSession;
      const output = await connect.send(
        new SendChatIntegrationEventCommand({
          SourceId: input.sourceId,
          DestinationId: input.destinationId,
          Subtype: SUBTYPE[input.channel],
          Event: { Type: input.event.type, ContentType: input.event.contentType, Content: input.event.content },
          NewSessionDetails: session
            ? {
                SupportedMessagingContentTypes: session.supportedMessagingContentTypes,
                ParticipantDetails: session.participantDisplayName ? { DisplayName: session.participantDisplayName } : undefined,
                Attributes: session.attributes,
                StreamingConfiguration: session.streamingEndpointArn ? { StreamingEndpointArn: session.streamingEndpointArn } : undefined,
              }
            : undefined,
        }),
      );
      return {
        initialContactId: output.InitialContactId ?? undefined,
        newChatCreated: output.NewChatCreated ?? false,
        requestId: output.$metadata.requestId,
      };
    },

    async startContactStreaming(input) {
      const output = await connect.send(
        new StartContactStreamingCommand({
          InstanceId: input.instanceId,
          ContactId: input.contactId,
          ChatStreamingConfiguration: { StreamingEndpointArn: input.streamingEndpointArn },
          ClientToken: input.clientToken,
        }),
      );
      if (!output.StreamingId) throw new Error("StartContactStreaming returned no StreamingId");
      return { streamingId: output.StreamingId, requestId: output.$metadata.requestId };
    },

    async describeContact(instanceId, contactId) {
      const { Contact } = await connect.send(new DescribeContactCommand({ InstanceId: instanceId, ContactId: contactId }));
      return toContactDetails(Contact ?? {}, contactId);
    },

    async stopContact(instanceId, contactId) {
      await connect.send(new StopContactCommand({ InstanceId: instanceId, ContactId: contactId }));
    },
  };
  const templateCategory = createTemplateCategoryReader({
    social: createSocialMessagingReads(shared),
    listPhoneNumbers: (instanceId) => gateway.listPhoneNumbers(instanceId),
  });
  return gateway;
}
