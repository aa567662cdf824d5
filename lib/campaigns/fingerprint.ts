// What a draft's ledger rows were built from. Two saves with the same fingerprint build the same rows (the suppression
// list aside, which the dispatcher checks again before every send), so the second one leaves the rows alone.
// Name, description, schedule, pacing, content types and chat duration change no row and are left out.
import { createHash } from "node:crypto";
import { canonicalJson } from "@/lib/text/canonical-json";
import type { CampaignConfig } from "./schemas";

export interface FingerprintSource {
  /** sha256 of the list's text: the upload's, or the pasted text's. */
  contentSha256: string;
  format: "csv" | "paste";
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** `country` is the source number's country (rows elsewhere are invalid); undefined when Connect did not say. */
export function recipientsFingerprint(source: FingerprintSource, c: CampaignConfig, country: string | undefined): string {
  const m = c.message;
  const message = m.kind === "text" ? { kind: m.kind, text: m.text } : m.kind === "template" ? { kind: m.kind, variables: m.variables } : { kind: m.kind };
  const display = c.participantDisplayName.mode === "column" ? c.participantDisplayName.column : null;
  const parts = {
    v: 1,
    content: source.contentSha256,
    format: source.format,
    mapping: c.recipients.mapping,
    defaultCountry: c.recipients.defaultCountry ?? null,
    country: country ?? null,
    message,
    attributes: c.attributes,
    displayColumn: display,
  };
  return sha256Hex(canonicalJson(parts));
}
