// Route table for the API families (Connect, Q in Connect, End User Messaging Social) served on one port.
import type { OperationHandler } from "./context";
import { sendChatIntegrationEvent } from "./ops/chat-integration-event";
import { listContactFlows } from "./ops/contact-flows";
import { describeContact, stopContact } from "./ops/contacts";
import { startContactStreaming, stopContactStreaming } from "./ops/contact-streaming";
import { describeInstance, listInstances } from "./ops/instances";
import { getMessageTemplate, renderMessageTemplate } from "./ops/message-templates";
import { listPhoneNumbers, listPhoneNumbersV2 } from "./ops/phone-numbers";
import { listKnowledgeBases, listMessageTemplates } from "./ops/qconnect";
import { listQueues } from "./ops/queues";
import { getLinkedWhatsAppBusinessAccount, listLinkedWhatsAppBusinessAccounts, listWhatsAppMessageTemplates } from "./ops/social-messaging";
import { startOutboundChatContact } from "./ops/start-outbound-chat";

interface Route {
  operation: string;
  method: string;
  /** Path segments; `{}` marks a label. */
  segments: string[];
  handler: OperationHandler;
  /** Injected faults apply here. */
  faultable?: boolean;
  /** Counted against the account's StartOutboundChatContact rate quota. */
  rateLimited?: boolean;
}

function route(operation: string, method: string, path: string, handler: OperationHandler, flags: Partial<Route> = {}): Route {
  return { operation, method, segments: path.split("/").slice(1), handler, ...flags };
}

const ROUTES: Route[] = [
  route("StartOutboundChatContact", "PUT", "/contact/outbound-chat", startOutboundChatContact, { faultable: true, rateLimited: true }),
  route("SendChatIntegrationEvent", "POST", "/chat-integration-event", sendChatIntegrationEvent, { faultable: true }),
  route("ListInstances", "GET", "/instance", listInstances),
  route("DescribeInstance", "GET", "/instance/{}", describeInstance),
  route("ListContactFlows", "GET", "/contact-flows-summary/{}", listContactFlows),
  route("ListPhoneNumbersV2", "POST", "/phone-number/list", listPhoneNumbersV2),
  route("ListPhoneNumbers", "GET", "/phone-numbers-summary/{}", listPhoneNumbers),
  route("ListQueues", "GET", "/queues-summary/{}", listQueues),
  route("DescribeContact", "GET", "/contacts/{}/{}", describeContact),
  route("StopContact", "POST", "/contact/stop", stopContact),
  route("StartContactStreaming", "POST", "/contact/start-streaming", startContactStreaming, { faultable: true }),
  route("StopContactStreaming", "POST", "/contact/stop-streaming", stopContactStreaming, { faultable: true }),
  route("ListKnowledgeBases", "GET", "/knowledgeBases", listKnowledgeBases),
  route("ListMessageTemplates", "GET", "/knowledgeBases/{}/messageTemplates", listMessageTemplates),
  route("GetMessageTemplate", "GET", "/knowledgeBases/{}/messageTemplates/{}", getMessageTemplate),
  route("RenderMessageTemplate", "POST", "/knowledgeBases/{}/messageTemplates/{}/render", renderMessageTemplate),
  route("ListLinkedWhatsAppBusinessAccounts", "GET", "/v1/whatsapp/waba/list", listLinkedWhatsAppBusinessAccounts),
  route("GetLinkedWhatsAppBusinessAccount", "GET", "/v1/whatsapp/waba/details", getLinkedWhatsAppBusinessAccount),
  route("ListWhatsAppMessageTemplates", "GET", "/v1/whatsapp/template/list", listWhatsAppMessageTemplates),
];

export type MatchedRoute = Route & { params: string[] };

/** Each path segment is decoded on its own, as the SDK encodes each label on its own. */
export function matchRoute(method: string, pathname: string): MatchedRoute | undefined {
  const segments = pathname.split("/").slice(1);
  for (const candidate of ROUTES) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const params: string[] = [];
    const matched = candidate.segments.every((expected, i) => {
      const actual = segments[i] ?? "";
      if (expected !== "{}") return expected === actual;
      try {
        params.push(decodeURIComponent(actual));
        return true;
      } catch {
        return false;
      }
    });
    if (matched) return { ...candidate, params };
  }
  return undefined;
}
