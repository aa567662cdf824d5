// Connect listings for the composer, the chat events page and inbound integrations. Keys match the settings page, so all share one cache per instance.
import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/fetch-json";
import type { ConnectInstance, ContactFlow, KnowledgeBase, MessageTemplate, PhoneNumber } from "@/lib/connect/types";

export type KnowledgeBaseWithTemplates = KnowledgeBase & { templates: MessageTemplate[] };

const instancePath = (instanceId: string) => `/api/connect/instances/${encodeURIComponent(instanceId)}`;

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
