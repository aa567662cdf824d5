// Connect listings for the composer, the chat events page and inbound integrations. Keys match the settings page, so all share one cache per instance.
import { useQuery } from "@tanstack/react-query";
import { ApiRequestError, fetchJson } from "@/components/fetch-json";
import type { ErrorBody } from "@/lib/errors";
import type {
  ConnectInstance,
  ContactFlow,
  KnowledgeBase,
  MessageTemplate,
  MessageTemplateDetail,
  PhoneNumber,
  RenderedMessageTemplate,
} from "@/lib/connect/types";

export type KnowledgeBaseWithTemplates = KnowledgeBase & { templates: MessageTemplate[] };

const instancePath = (instanceId: string) => `/api/connect/instances/${encodeURIComponent(instanceId)}`;
const templatePath = (knowledgeBaseId: string, templateId: string) =>
  `/api/connect/templates/${encodeURIComponent(knowledgeBaseId)}/${encodeURIComponent(templateId)}`;

export function useInstances() {
  return useQuery({
    queryKey: ["connect", "instances"],
    queryFn: ({ signal }) => fetchJson<{ instances: ConnectInstance[] }>("/api/connect/instances", signal),
  });
}

export function useNumbers(instanceId: string) {
  return useQuery({
    queryKey: ["connect", "numbers", instanceId],
    enabled: instanceId !== "",
    queryFn: ({ signal }) => fetchJson<{ numbers: PhoneNumber[] }>(`${instancePath(instanceId)}/numbers`, signal),
  });
}

export function useFlows(instanceId: string) {
  return useQuery({
    queryKey: ["connect", "flows", instanceId],
    enabled: instanceId !== "",
    queryFn: ({ signal }) => fetchJson<{ flows: ContactFlow[] }>(`${instancePath(instanceId)}/flows`, signal),
  });
}

export function useTemplates(enabled: boolean) {
  return useQuery({
    queryKey: ["connect", "templates"],
    enabled,
    queryFn: ({ signal }) => fetchJson<{ knowledgeBases: KnowledgeBaseWithTemplates[] }>("/api/connect/templates", signal),
  });
}

/** One template's body, variables, language and status. */
export function useTemplateDetail(knowledgeBaseId: string, templateId: string) {
  return useQuery({
    queryKey: ["connect", "template", knowledgeBaseId, templateId],
    enabled: knowledgeBaseId !== "" && templateId !== "",
    queryFn: ({ signal }) => fetchJson<{ template: MessageTemplateDetail }>(templatePath(knowledgeBaseId, templateId), signal),
  });
}

async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, {
    method: "POST",
    signal,
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = (await res.json().catch(() => null)) as (T & { error?: ErrorBody }) | null;
  if (!res.ok) throw new ApiRequestError(res.status, answer?.error ?? { code: "internal", message: `The server answered ${res.status}` });
  return answer as T;
}

/** The template's body with these custom attributes filled in; the last answer for this template stays while the next loads. */
export function useTemplateRender(knowledgeBaseId: string, templateId: string, attributes: Record<string, string>, enabled: boolean) {
  return useQuery({
    queryKey: ["connect", "template-render", knowledgeBaseId, templateId, attributes],
    enabled: enabled && knowledgeBaseId !== "" && templateId !== "",
    placeholderData: (previous: RenderedMessageTemplate | undefined, previousQuery) => (previousQuery?.queryKey[3] === templateId ? previous : undefined),
    queryFn: ({ signal }) => postJson<RenderedMessageTemplate>(`${templatePath(knowledgeBaseId, templateId)}/render`, { attributes }, signal),
  });
}
