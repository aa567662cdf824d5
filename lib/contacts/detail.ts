import "server-only";
// One contact as its page and route show it: what the console stored, the events it sent into the chat, and what
// Connect says about it now. Connect failing is an answer too: the stored data comes back with the reason.
import { connectFailureText } from "@/lib/connect/error-message";
import { getGateway } from "@/lib/connect/runtime-gateway";
import type { ContactDetails } from "@/lib/connect/types";
import { isCustomerContactEvent, redactCustomerText, type CustomerTextReader, type Redacted } from "@/lib/customer-text/redact";
import type { Db } from "@/lib/db/types";
import { contactEvents, getContact, type ContactEvent, type ContactRow } from "./queries";

export interface ContactDetail {
  contact: ContactRow;
  /** A customer's words only for readers of customers' texts (see lib/customer-text/redact.ts). */
  events: Redacted<ContactEvent, "content">[];
  /** DescribeContact now; null when it failed, and then liveError says why. */
  live: ContactDetails | null;
  liveError: string | null;
  /** The contact in Amazon Connect's own console, when the instance's access URL is known. */
  connectUrl: string | null;
}

export async function loadContactDetail(db: Db, contactId: string, reader: CustomerTextReader): Promise<ContactDetail | undefined> {
  const contact = await getContact(db, contactId);
  if (!contact) return undefined;
  const [events, live, connectUrl] = await Promise.all([contactEvents(db, contactId), describeNow(contact), connectConsoleUrl(contact.instanceId, contactId)]);
  return { contact, events: events.map((e) => redactCustomerText(e, "content", isCustomerContactEvent(e), reader)), ...live, connectUrl };
}

async function describeNow(c: ContactRow): Promise<Pick<ContactDetail, "live" | "liveError">> {
  try {
    return { live: await (await getGateway()).describeContact(c.instanceId, c.contactId), liveError: null };
  } catch (err) {
    return { live: null, liveError: connectFailureText(err) };
  }
}

// An instance's access URL does not change, and DescribeInstance has a low request quota: ask once per instance.
const accessUrls = new Map<string, string>();

async function connectConsoleUrl(instanceId: string, contactId: string): Promise<string | null> {
  let base = accessUrls.get(instanceId);
  if (!base) {
    try {
      base = (await (await getGateway()).describeInstance(instanceId)).accessUrl;
    } catch {
      // The link is a convenience: without it the page still shows everything else.
      return null;
    }
    if (!base) return null;
    accessUrls.set(instanceId, base);
  }
  return `${base.replace(/\/+$/, "")}/contact-trace-records/details/${encodeURIComponent(contactId)}`;
}
