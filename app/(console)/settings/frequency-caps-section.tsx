// Settings → Frequency caps: how often one number may be contacted across campaigns. Admins edit, everyone reads.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getRuntime } from "@/lib/runtime/current";
import { readFrequencyCaps } from "@/lib/settings/frequency-caps";
import { FrequencyCapsForm } from "./frequency-caps-form";

export async function FrequencyCapsSection({ canEdit }: { canEdit: boolean }) {
  const rt = await getRuntime();
  const caps = await readFrequencyCaps(rt.database.db);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Frequency caps</CardTitle>
        <CardDescription>
          How often one number may be contacted across campaigns, counted over every chat the console started for it (campaign and test sends, not chats the
          customer started). Campaigns marked exempt, such as service notices, are sent regardless.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <FrequencyCapsForm current={caps.rules} canEdit={canEdit} />
      </CardContent>
    </Card>
  );
}
