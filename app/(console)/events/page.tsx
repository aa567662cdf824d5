import type { Metadata } from "next";
import { MessageSquare } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Chat events" };

export default function EventsPage() {
  return (
    <>
      <PageHeader title="Chat events" description="Messages, events and disconnects sent into chats with SendChatIntegrationEvent." />
      <EmptyState icon={MessageSquare} title="No chat events yet">
        Events you send by hand and messages from inbound integrations appear here.
      </EmptyState>
    </>
  );
}
