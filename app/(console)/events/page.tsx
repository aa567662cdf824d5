import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { EventsView } from "./events-view";
import { SendEventForm } from "./send-event-form";
import { UrlState } from "@/components/list/url-state";

export const metadata: Metadata = { title: "Chat events" };

export default async function EventsPage() {
  const user = await requirePageUser("viewer");
  // Viewers see the list only; the action refuses them anyway.
  const canSend = hasRole(user.role, "supervisor");
  return (
    <>
      <PageHeader title="Chat events" description="Messages, events and disconnects sent into chats with SendChatIntegrationEvent." />
      <div className="grid gap-6">
        {canSend ? (
          <SendEventForm />
        ) : (
          <Alert tone="info" data-testid="chat-event-viewer-note">
            Sending chat events needs the supervisor role; you can see what has been sent.
          </Alert>
        )}
        {/* The list reads its filters from the URL on the client, which needs a Suspense boundary. */}
        <Suspense fallback={<p className="text-sm text-muted-foreground">Loading events…</p>}>
          <UrlState>
            <EventsView />
          </UrlState>
        </Suspense>
      </div>
    </>
  );
}
