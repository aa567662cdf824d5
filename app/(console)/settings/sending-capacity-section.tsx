// The sending capacity settings with the numbers Connect lists now. Rendered behind a Suspense boundary: asking every
// instance for its numbers can take a while, and the rest of the page should not wait for it.
import { Alert } from "@/components/ui/alert";
import { getRuntime } from "@/lib/runtime/current";
import { readSendingCapacity } from "@/lib/settings/sending-capacity";
import { listCapacityNumbers } from "./capacity-numbers";
import { SendingCapacityFormOnDemand } from "./sending-forms-on-demand";

export async function SendingCapacitySection({ canEdit }: { canEdit: boolean }) {
  const rt = await getRuntime();
  const [current, listed] = await Promise.all([readSendingCapacity(rt.database.db), listCapacityNumbers()]);
  return (
    <div className="grid min-w-0 gap-3">
      {listed.problems.map((problem) => (
        <Alert key={problem} tone="warning">
          {problem} Overrides of numbers not listed here are kept when you save.
        </Alert>
      ))}
      <SendingCapacityFormOnDemand numbers={listed.numbers} current={current} canEdit={canEdit} />
    </div>
  );
}
