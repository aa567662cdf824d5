// The recipient ledger (campaign_recipients) has one writer: lib/ledger. Claims, outcomes, cancels, retries, replies
// and bulk saves all change rows through it, so the rules a row's status follows live in one folder. Import rules
// cannot see SQL, so this scans the source for statements that write the table.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SCANNED = ["lib", "app", "scripts"];
const OWNER = "lib/ledger/";

/** Files outside lib/ledger allowed to write the table, each with why. */
const EXCEPTIONS: Record<string, string> = {
  "scripts/lib/history-seed-campaign.ts": "seeds a synthetic finished campaign for the history benchmark, not a product path",
  "scripts/lib/history-seed-contacts.ts": "seeds synthetic replies for the history benchmark, not a product path",
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The names the table goes by in a file: its schema export and any `campaignRecipients as x` alias. */
function tableNames(source: string): string[] {
  const aliases = [...source.matchAll(/\bcampaignRecipients\s+as\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!);
  return ["campaignRecipients", ...aliases];
}

/** Each statement in `source` that writes campaign_recipients, as the text that gave it away. */
function ledgerWrites(source: string): string[] {
  const names = tableNames(source).map(escape).join("|");
  const patterns = [
    // drizzle's builders: db.insert(t), tx.update(t), db.delete(t)
    new RegExp(`\\.(?:insert|update|delete)\\(\\s*(?:${names})\\s*[,)]`, "g"),
    // SQL templates naming the table object: sql`update ${t} ...`
    new RegExp(`\\b(?:insert\\s+into|update|delete\\s+from|copy|truncate(?:\\s+table)?)\\s+\\$\\{\\s*(?:${names})\\s*\\}`, "gi"),
    // SQL text naming the table
    /\b(?:insert\s+into|update|delete\s+from|copy|truncate(?:\s+table)?)\s+(?:only\s+)?(?:"?public"?\.)?"?campaign_recipients\b/gi,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[0]));
}

function productionFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const file = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && file !== "lib/db/migrations") walk(file);
      } else if (/\.(?:[cm]?[jt]sx?)$/.test(entry.name) && !/\.test\.[cm]?[jt]sx?$/.test(entry.name)) found.push(file);
    }
  };
  for (const dir of SCANNED) walk(dir);
  return found;
}

describe("the recipient ledger's single writer", () => {
  const files = productionFiles();
  const writes = new Map(files.map((f) => [f, ledgerWrites(fs.readFileSync(path.join(ROOT, f), "utf8"))] as const));

  it("recognises every way a file writes the table", () => {
    expect(ledgerWrites("await db.insert(campaignRecipients).values(rows)")).toHaveLength(1);
    expect(ledgerWrites('import { campaignRecipients as r } from "@/lib/db/schema";\ntx.update(r).set({})')).toHaveLength(1);
    expect(ledgerWrites("await db.delete(campaignRecipients).where(x)")).toHaveLength(1);
    expect(ledgerWrites("sql`update ${campaignRecipients} r set replied_at = now()`")).toHaveLength(1);
    expect(ledgerWrites("`COPY campaign_recipients (id) FROM STDIN`")).toHaveLength(1);
    expect(ledgerWrites('DELETE FROM "campaign_recipients" WHERE true')).toHaveLength(1);
    expect(ledgerWrites("insert into public.campaign_recipients values (1)")).toHaveLength(1);
    // Reads are anyone's.
    expect(ledgerWrites("db.select().from(campaignRecipients); sql`select * from campaign_recipients`")).toEqual([]);
    expect(ledgerWrites("db.update(campaigns).set({}); db.update(r).set({})")).toEqual([]);
  });

  it("finds the writers in lib/ledger, so a scan that sees nothing cannot pass", () => {
    for (const owner of ["lib/ledger/bulk-write.ts", "lib/ledger/claim.ts", "lib/ledger/record-outcome.ts", "lib/ledger/skip-remaining.ts"]) {
      expect(writes.get(owner), owner).not.toHaveLength(0);
    }
  });

  it("has no writer outside lib/ledger", () => {
    const outside = [...writes]
      .filter(([file, found]) => found.length > 0 && !file.startsWith(OWNER) && !(file in EXCEPTIONS))
      .map(([file, found]) => `${file}: ${found.join(" | ")}`);
    expect(outside, "write campaign_recipients through a function in lib/ledger instead").toEqual([]);
  });

  it("lists only exceptions that still write the table", () => {
    for (const file of Object.keys(EXCEPTIONS)) expect(writes.get(file), file).not.toHaveLength(0);
  });
});
