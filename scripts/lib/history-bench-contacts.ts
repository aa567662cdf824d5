// The contacts pages at scale: the list (first page, deep keyset page, each filter), one contact's events, the CSV
// export, and the reconciliation claim that runs beside them.
import "../allow-server-modules";
import { sql } from "drizzle-orm";
import { contactsCsv } from "@/lib/contacts/export";
import { contactEvents, listContacts, type ContactListQuery } from "@/lib/contacts/queries";
import { claimDueContacts, hasDueContacts } from "@/lib/contacts/reconcile-claim";
import { contactListSchema } from "@/lib/contacts/schemas";
import { DEFAULT_RECONCILE_OPTIONS } from "@/lib/contacts/reconcile-options";
import type { Db } from "@/lib/db/types";
import { csvThroughput, heading, line, median } from "./bench-timing";

interface Counts {
  total: number;
  open: number;
}

/** `someone`: a campaign contact with chat events and forwarded replies, so every part of its events page has rows. */
export async function benchContacts(db: Db, campaignId: string, neighbourId: string, someone: string): Promise<void> {
  const [counts] = (
    (await db.execute(sql`select count(*)::int as total, (count(*) filter (where state = 'open'))::int as open from contacts`)) as unknown as { rows: Counts[] }
  ).rows;
  heading(`Contacts (${counts!.total.toLocaleString("en-US")}, ${counts!.open.toLocaleString("en-US")} open)`);
  const q = (f: Partial<ContactListQuery>) => listContacts(db, { limit: 50, ...f });
  line("first page (50, newest first)", await median(() => q({})));

  let cursor: string | null = null;
  let seen = 0;
  const tDeep = performance.now();
  while (seen < 90_000) {
    const page = await q({ cursor: cursor ?? undefined, limit: 200 });
    seen += page.contacts.length;
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  console.log(`  (followed cursors to row ${seen.toLocaleString("en-US")} in ${((performance.now() - tDeep) / 1000).toFixed(1)} s)`);
  line(`deep page (50, after row ${seen.toLocaleString("en-US")})`, await median(() => q({ cursor: cursor! })));
  line("campaign (the 100,000-recipient one)", await median(() => q({ campaignId })));
  line("campaign (the older 50,000-recipient one)", await median(() => q({ campaignId: neighbourId })));
  line("state open", await median(() => q({ state: "open" })));
  line("state unknown (1 in 100)", await median(() => q({ state: "unknown" })));
  line("campaign + state open", await median(() => q({ campaignId, state: "open" })));
  line("campaign + state unknown", await median(() => q({ campaignId, state: "unknown" })));
  line("older campaign + state unknown", await median(() => q({ campaignId: neighbourId, state: "unknown" })));
  line("origin test send, last 24 hours", await median(() => q({ origin: "test_send", from: new Date(Date.now() - 86_400_000) })));
  line('number search, rare ("5550123")', await median(() => q({ q: "5550123" })));
  line('number search, whole E.164 ("+13120007919")', await median(() => q({ q: "+13120007919" })));
  line("ContactId, exact", await median(() => q({ q: someone })));
  line("one contact's events (chat events, replies, its start)", await median(() => contactEvents(db, someone)));
  const { cursor: _cursor, limit: _limit, ...everyContact } = contactListSchema.parse({});
  await csvThroughput("Contacts CSV export", contactsCsv(db, everyContact));

  heading("Reconciliation");
  const o = DEFAULT_RECONCILE_OPTIONS;
  line("any contact due? (yes)", await median(() => hasDueContacts(db, o)));
  line("claim 50 due contacts", await median(() => claimDueContacts(db, 50, o)));
  // Then as when reconciliation has caught up: every chat checked a moment ago, nothing due for a while.
  await db.execute(sql`update contacts set last_checked_at = now() where state <> 'ended'`);
  line("any contact due? (none)", await median(() => hasDueContacts(db, o)));
  line("claim when none is due", await median(() => claimDueContacts(db, 50, o)));
}
