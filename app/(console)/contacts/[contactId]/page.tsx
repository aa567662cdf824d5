import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft, ExternalLink } from "lucide-react";
import { ReadOnlyNote } from "@/components/console/read-only-note";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { loadContactTranscript } from "@/lib/chat-stream/transcript-load";
import { customerTextReader } from "@/lib/customer-text/reader";
import { loadContactDetail } from "@/lib/contacts/detail";
import { contactIdSchema } from "@/lib/contacts/schemas";
import { getGateway } from "@/lib/connect/runtime-gateway";
import { getDb } from "@/lib/runtime/current";
import { ContactStateBadge } from "../contact-badges";
import { ContactEvents } from "./contact-events";
import { ContactSummary } from "./contact-summary";
import { EndChatButton } from "./end-chat-button";
import { LivePanel } from "./live-panel";
import { Transcript, type ContactTranscriptJson } from "./transcript";

export const metadata: Metadata = { title: "Contact" };

/** The instance's alias from Connect, shown instead of its id; null when Connect cannot say (the id is shown). */
async function instanceAlias(instanceId: string): Promise<string | null> {
  try {
    return (await (await getGateway()).listInstances()).find((i) => i.id === instanceId)?.alias ?? null;
  } catch {
    return null;
  }
}

/** The name of the flow that started the chat; null when Connect cannot say (the id is shown). */
async function contactFlowName(instanceId: string, flowId: string | undefined): Promise<string | null> {
  if (!flowId) return null;
  try {
    return (await (await getGateway()).listContactFlows(instanceId)).find((f) => f.id === flowId)?.name ?? null;
  } catch {
    return null;
  }
}

export default async function ContactPage({ params }: { params: Promise<{ contactId: string }> }) {
  const user = await requirePageUser("viewer");
  const id = contactIdSchema.safeParse((await params).contactId);
  const db = await getDb();
  const reader = customerTextReader(user);
  const [detail, transcript] = id.success ? await Promise.all([loadContactDetail(db, id.data, reader), loadContactTranscript(db, id.data, reader)]) : [];
  if (!detail || !transcript) notFound();
  const { contact, live } = detail;
  const startFlowId = detail.events.find((e) => e.source === "start")?.opening?.request?.contactFlowId;
  const [instanceName, flowName] = await Promise.all([instanceAlias(contact.instanceId), contactFlowName(contact.instanceId, startFlowId)]);
  // Open unless the console recorded an end or Connect reports one now.
  const open = contact.state !== "ended" && !live?.disconnectedAt;
  const actions = (
    <>
      {detail.connectUrl ? (
        <Button asChild variant="outline">
          <a href={detail.connectUrl} target="_blank" rel="noreferrer" data-testid="open-in-connect">
            <ExternalLink className="size-4" aria-hidden />
            Open in Amazon Connect
          </a>
        </Button>
      ) : null}
      {open && hasRole(user.role, "supervisor") ? <EndChatButton contactId={contact.contactId} customerPhone={contact.customerPhone} /> : null}
      {open ? <ReadOnlyNote role={user.role} cannot="end this chat" /> : null}
    </>
  );
  return (
    <>
      <Link href="/contacts" className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:underline">
        <ArrowLeft className="size-4" aria-hidden />
        Contacts
      </Link>
      <PageHeader title="Contact" description={contact.contactId} actions={actions} />
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm text-muted-foreground">
        <ContactStateBadge state={contact.state} />
        {live?.disconnectedAt && contact.state !== "ended" ? <span data-testid="contact-ended-in-connect">Connect reports this chat ended</span> : null}
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <ContactSummary contact={contact} instanceName={instanceName} />
        <LivePanel live={live} liveError={detail.liveError} contact={contact} />
      </div>
      <div className="mt-4">
        {/* The first page as the route would answer it (times as ISO text), so the card polls from where the page began. */}
        <Transcript contactId={contact.contactId} initial={JSON.parse(JSON.stringify(transcript)) as ContactTranscriptJson} />
      </div>
      <div className="mt-4">
        <ContactEvents events={detail.events} flowName={flowName} />
      </div>
    </>
  );
}
