// Settings → Frequency caps: how often one number may be contacted across campaigns. Admins edit, everyone reads.
import { Card, CardContent } from "@/components/ui/card";
import { getRuntime } from "@/lib/runtime/current";
import { readFrequencyCaps } from "@/lib/settings/frequency-caps";
import { FrequencyCapsForm } from "./frequency-caps-form";

export async function FrequencyCapsSection({ canEdit }: { canEdit: boolean }) {
  const rt = await getRuntime();
  const caps = await readFrequencyCaps(rt.database.db);
  return (
    <Card>
      <CardContent className="pt-5">
        <FrequencyCapsForm current={caps.rules} canEdit={canEdit} />
      </CardContent>
    </Card>
  );
}
