import "server-only";
// What the WhatsApp daily limit has already counted, from the console's contacts: the unique customers a business-
// initiated WhatsApp chat (a campaign or a test send) reached in the moving window, and when the first of them leaves
// it. A customer counts until a window after their latest chat, as Meta counts them.
import { sql } from "drizzle-orm";
import { contacts } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

export interface WhatsAppReach {
  customers: number;
  /** Milliseconds until the earliest counted customer leaves the window; undefined when nobody is counted. */
  nextFreeInMs?: number;
}

export async function whatsAppReach(db: Db, windowMs: number): Promise<WhatsAppReach> {
  const window = sql`${windowMs}::double precision * interval '1 millisecond'`;
  const result = (await db.execute(sql`
    select count(*)::int as customers, (extract(epoch from (min(last_at) + ${window} - now())) * 1000)::float8 as free_in_ms
    from (
      select ${contacts.customerPhone}, max(${contacts.createdAt}) as last_at
      from ${contacts}
      where ${contacts.channel} = 'whatsapp' and ${contacts.origin} in ('campaign', 'test_send') and ${contacts.createdAt} > now() - ${window}
      group by ${contacts.customerPhone}
    ) reached`)) as unknown as { rows: { customers: number | string; free_in_ms: number | string | null }[] };
  const row = result.rows[0];
  const customers = Number(row?.customers ?? 0);
  const freeIn = row?.free_in_ms === null || row?.free_in_ms === undefined ? undefined : Math.max(0, Number(row.free_in_ms));
  return customers > 0 && freeIn !== undefined ? { customers, nextFreeInMs: freeIn } : { customers };
}
