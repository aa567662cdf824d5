import "server-only";
// Names for the targets of a page of audit entries, so the log says "Spring sale" or "ann@example.com" where it would
// show a UUID: one query per kind of target on the page, by primary key. Ids that are not UUIDs, or whose target was
// deleted, have no name (the id is still shown).
import { inArray } from "drizzle-orm";
import { apiKeys, campaigns, inboundIntegrations, users } from "@/lib/db/schema";
import type { Db } from "@/lib/db/types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TABLES = {
  campaign: { table: campaigns, id: campaigns.id, name: campaigns.name },
  user: { table: users, id: users.id, name: users.email },
  api_key: { table: apiKeys, id: apiKeys.id, name: apiKeys.name },
  inbound_integration: { table: inboundIntegrations, id: inboundIntegrations.id, name: inboundIntegrations.name },
} as const;

type Named = keyof typeof TABLES;
const isNamed = (t: string | null): t is Named => t !== null && t in TABLES;

export const targetKey = (type: string | null, id: string | null) => `${type ?? ""}:${id ?? ""}`;

/** `${targetType}:${targetId}` → name, for the entries whose target has one. */
export async function auditTargetNames(db: Db, entries: readonly { targetType: string | null; targetId: string | null }[]): Promise<Map<string, string>> {
  const wanted = new Map<Named, Set<string>>();
  for (const e of entries) {
    if (!isNamed(e.targetType) || !e.targetId || !UUID.test(e.targetId)) continue;
    const ids = wanted.get(e.targetType) ?? new Set<string>();
    ids.add(e.targetId.toLowerCase());
    wanted.set(e.targetType, ids);
  }
  const names = new Map<string, string>();
  await Promise.all(
    [...wanted].map(async ([type, ids]) => {
      const t = TABLES[type];
      const rows = await db
        .select({ id: t.id, name: t.name })
        .from(t.table)
        .where(inArray(t.id, [...ids]));
      for (const r of rows) if (r.name) names.set(targetKey(type, r.id), r.name);
    }),
  );
  return names;
}
