// A save replaces a draft's ledger rows in batches and marks the campaign "writing:…" until the last batch is in.
// Still marked when a page loads means a save is running now, or one died part-way; "incomplete" means a save failed
// part-way and knew it. Either way the rows may not be the whole list (lib/campaigns/drafts.ts sets these states).

export const LEDGER_WRITING_NOTICE = "The recipient list is still being saved, or a save stopped part-way. Save the draft again before launching.";

export function ledgerIncomplete(ledgerState: string | null | undefined): boolean {
  return typeof ledgerState === "string" && (ledgerState.startsWith("writing") || ledgerState === "incomplete");
}
