import { Alert } from "@/components/ui/alert";
import { LEDGER_WRITING_NOTICE, ledgerIncomplete } from "./ledger-state";

/** Says so when the campaign's recipient rows may be incomplete; nothing otherwise. */
export function LedgerNotice({ ledgerState, className }: { ledgerState: string | null | undefined; className?: string }) {
  if (!ledgerIncomplete(ledgerState)) return null;
  return (
    <Alert tone="warning" className={className} data-testid="ledger-writing">
      {LEDGER_WRITING_NOTICE}
    </Alert>
  );
}
