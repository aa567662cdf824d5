import "server-only";
// Adding, removing and importing suppressed numbers: each change and its audit entry commit together.
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import type { Suppression } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/errors";
import { isCountryCode, normalizePhone } from "@/lib/recipients/normalize-phone";
import { csvEntries, lineEntries, type ImportEntry } from "./import-entries";
import { deleteSuppression, insertSuppressions, type NewSuppression } from "./queries";
import { MAX_IMPORT_NUMBERS, addSuppressionSchema, importSuppressionsSchema, removeSuppressionSchema } from "./schemas";

/** How many invalid lines an import reports back in detail; the count always covers all of them. */
const MAX_INVALID_SHOWN = 500;

export interface InvalidLine {
  line: number;
  value: string;
  reason: string;
}

export interface ImportReport {
  added: number;
  /** Numbers already on the list, or repeated earlier in the same import. */
  alreadyPresent: number;
  invalidCount: number;
  /** The first invalid lines, in file order. */
  invalid: InvalidLine[];
}

/** What the audit log and the console show of a row. */
export function publicSuppression(s: Suppression) {
  return { phone: s.phone, reason: s.reason, source: s.source, createdBy: s.createdBy, createdAt: s.createdAt.toISOString() };
}
export type PublicSuppression = ReturnType<typeof publicSuppression>;

function knownCountry(defaultCountry: string | undefined) {
  if (defaultCountry === undefined) return undefined;
  if (!isCountryCode(defaultCountry))
    throw new UserFacingError("invalid", "Some fields need attention", { defaultCountry: `${defaultCountry} is not a country code we know` });
  return defaultCountry;
}

// The recipients checks phrase reasons to follow "Line 12: "; shown on their own they start a sentence.
const sentence = (reason: string) => reason.charAt(0).toUpperCase() + reason.slice(1);

/** The same verdict on a number as a campaign's recipients check, so whatever a campaign could send to can be suppressed. */
function toE164(value: string, country: ReturnType<typeof knownCountry>): { ok: true; e164: string } | { ok: false; reason: string } {
  const n = normalizePhone(value, country);
  return n.ok ? { ok: true, e164: n.e164 } : { ok: false, reason: sentence(n.reason) };
}

export const addSuppression = defineAction({
  name: "suppression.add",
  access: "supervisor",
  input: addSuppressionSchema,
  handler: async (input, { db, actor }) => {
    const number = toE164(input.phone, knownCountry(input.defaultCountry));
    if (!number.ok) throw new UserFacingError("invalid", "Some fields need attention", { phone: number.reason });
    return db.transaction(async (tx) => {
      const [row] = await insertSuppressions(tx, [{ phone: number.e164, reason: input.reason, source: "manual", createdBy: actor.actorEmail }]);
      if (!row) {
        const message = `${number.e164} is already on the suppression list`;
        throw new UserFacingError("conflict", message, { phone: message });
      }
      const after = publicSuppression(row);
      await recordAudit(tx, actor, { action: "suppression.added", targetType: "suppression", targetId: row.phone, diff: { after, typed: input.phone } });
      return after;
    });
  },
});

export const removeSuppression = defineAction({
  name: "suppression.remove",
  access: "supervisor",
  input: removeSuppressionSchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const row = await deleteSuppression(tx, input.phone);
      if (!row) throw new UserFacingError("not_found", `${input.phone} is not on the suppression list`);
      const removed = publicSuppression(row);
      await recordAudit(tx, actor, { action: "suppression.removed", targetType: "suppression", targetId: row.phone, diff: { reason: input.reason, removed } });
      return removed;
    }),
});

function readEntries(csvText: string | undefined, lines: string | undefined): ImportEntry[] {
  if (csvText === undefined) return lineEntries(lines ?? "");
  try {
    return csvEntries(csvText);
  } catch (err) {
    // The CSV parser's messages are written for the person who made the file: show them next to it.
    if (err instanceof UserFacingError) throw new UserFacingError("invalid", err.message, { csvText: err.message });
    throw err;
  }
}

export const importSuppressions = defineAction({
  name: "suppression.import",
  access: "supervisor",
  input: importSuppressionsSchema,
  handler: async (input, { db, actor }) => {
    const country = knownCountry(input.defaultCountry);
    const field = input.csvText !== undefined ? "csvText" : "lines";
    const entries = readEntries(input.csvText, input.lines);
    if (entries.length === 0) {
      throw new UserFacingError("invalid", "Some fields need attention", { [field]: "There are no numbers in this import" });
    }
    if (entries.length > MAX_IMPORT_NUMBERS) {
      const message = `An import holds at most ${MAX_IMPORT_NUMBERS.toLocaleString("en")} numbers; this one has ${entries.length.toLocaleString("en")}. Split it into smaller files.`;
      throw new UserFacingError("invalid", message, { [field]: message });
    }

    const invalid: InvalidLine[] = [];
    const valid: NewSuppression[] = [];
    for (const entry of entries) {
      const number = toE164(entry.value, country);
      if (number.ok) valid.push({ phone: number.e164, reason: input.reason, source: "import", createdBy: actor.actorEmail });
      else invalid.push({ line: entry.line, value: entry.value.slice(0, 100), reason: number.reason });
    }

    return db.transaction(async (tx): Promise<ImportReport> => {
      const added = await insertSuppressions(tx, valid);
      const counts = { added: added.length, alreadyPresent: valid.length - added.length, invalidCount: invalid.length };
      // One entry for the whole import, with counts: one per number would bury everything else in the log.
      await recordAudit(tx, actor, {
        action: "suppression.imported",
        targetType: "suppression",
        diff: {
          ...counts,
          rows: entries.length,
          format: field === "csvText" ? "csv" : "lines",
          reason: input.reason,
          defaultCountry: input.defaultCountry ?? null,
        },
      });
      return { ...counts, invalid: invalid.slice(0, MAX_INVALID_SHOWN) };
    });
  },
});
