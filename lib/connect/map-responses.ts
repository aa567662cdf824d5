// SDK output shapes → the console's plain types.
import type { Contact, ContactFlowSummary, Instance, InstanceSummary, ListPhoneNumbersSummary, QueueSummary } from "@aws-sdk/client-connect";
import type { KnowledgeBaseSummary, MessageTemplateSummary } from "@aws-sdk/client-qconnect";
import type { ConnectInstance, ConnectInstanceDetails, ContactDetails, ContactFlow, KnowledgeBase, MessageTemplate, PhoneNumber, Queue } from "./types";

export function toInstance(summary: InstanceSummary | Instance): ConnectInstance {
  return {
    id: summary.Id ?? "",
    arn: summary.Arn ?? "",
    alias: summary.InstanceAlias,
    status: summary.InstanceStatus,
    identityManagementType: summary.IdentityManagementType,
    createdAt: summary.CreatedTime,
    accessUrl: summary.InstanceAccessUrl,
    inboundCallsEnabled: summary.InboundCallsEnabled,
    outboundCallsEnabled: summary.OutboundCallsEnabled,
  };
}

export function toInstanceDetails(instance: Instance): ConnectInstanceDetails {
  return {
    ...toInstance(instance),
    statusReason: instance.StatusReason?.Message,
    serviceRole: instance.ServiceRole,
    tags: instance.Tags ?? {},
  };
}

export function toContactFlow(flow: ContactFlowSummary): ContactFlow {
  return {
    id: flow.Id ?? "",
    arn: flow.Arn ?? "",
    name: flow.Name ?? "",
    type: flow.ContactFlowType,
    state: flow.ContactFlowState,
    status: flow.ContactFlowStatus,
  };
}

export function toPhoneNumber(number: ListPhoneNumbersSummary): PhoneNumber {
  return {
    id: number.PhoneNumberId ?? "",
    arn: number.PhoneNumberArn ?? "",
    phoneNumber: number.PhoneNumber ?? "",
    countryCode: number.PhoneNumberCountryCode,
    type: number.PhoneNumberType,
    description: number.PhoneNumberDescription,
    instanceId: number.InstanceId,
    targetArn: number.TargetArn,
    sourcePhoneNumberArn: number.SourcePhoneNumberArn,
  };
}

export function toQueue(queue: QueueSummary): Queue {
  return {
    id: queue.Id ?? "",
    arn: queue.Arn ?? "",
    name: queue.Name ?? "",
    type: queue.QueueType,
    lastModifiedAt: queue.LastModifiedTime,
  };
}

export function toKnowledgeBase(kb: KnowledgeBaseSummary): KnowledgeBase {
  return {
    id: kb.knowledgeBaseId ?? "",
    arn: kb.knowledgeBaseArn ?? "",
    name: kb.name ?? "",
    type: kb.knowledgeBaseType,
    status: kb.status,
    description: kb.description,
  };
}

export function toMessageTemplate(template: MessageTemplateSummary): MessageTemplate {
  return {
    id: template.messageTemplateId ?? "",
    arn: template.messageTemplateArn ?? "",
    knowledgeBaseId: template.knowledgeBaseId ?? "",
    knowledgeBaseArn: template.knowledgeBaseArn ?? "",
    name: template.name ?? "",
    channelSubtype: template.channelSubtype,
    description: template.description,
    activeVersionNumber: template.activeVersionNumber,
    createdAt: template.createdTime,
    lastModifiedAt: template.lastModifiedTime,
    lastModifiedBy: template.lastModifiedBy,
    tags: template.tags ?? {},
  };
}

export function toContactDetails(contact: Contact, contactId: string): ContactDetails {
  return {
    id: contact.Id ?? contactId,
    arn: contact.Arn,
    channel: contact.Channel,
    subtype: contact.SegmentAttributes?.["connect:Subtype"]?.ValueString,
    initiationMethod: contact.InitiationMethod,
    initiatedAt: contact.InitiationTimestamp,
    lastUpdatedAt: contact.LastUpdateTimestamp,
    disconnectedAt: contact.DisconnectTimestamp,
    disconnectReason: contact.DisconnectReason,
    customerAddress: contact.CustomerEndpoint?.Address,
    systemAddress: contact.SystemEndpoint?.Address,
    relatedContactId: contact.RelatedContactId,
    attributes: contact.Attributes ?? {},
    segmentAttributes: contact.SegmentAttributes,
    customerEndpoint: contact.CustomerEndpoint
      ? { type: contact.CustomerEndpoint.Type, address: contact.CustomerEndpoint.Address, displayName: contact.CustomerEndpoint.DisplayName }
      : undefined,
    systemEndpoint: contact.SystemEndpoint
      ? { type: contact.SystemEndpoint.Type, address: contact.SystemEndpoint.Address, displayName: contact.SystemEndpoint.DisplayName }
      : undefined,
  };
}
