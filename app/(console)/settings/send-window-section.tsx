// Settings → Send window: the hours, in each recipient's time zone, that campaigns keep to by default. Admins edit,
// everyone reads.
import { Card, CardContent } from "@/components/ui/card";
import { getRuntime } from "@/lib/runtime/current";
import { readSendWindowSetting } from "@/lib/settings/send-window";
import { SendWindowForm } from "./send-window-form";

export async function SendWindowSection({ canEdit }: { canEdit: boolean }) {
  const rt = await getRuntime();
  const setting = await readSendWindowSetting(rt.database.db);
  return (
    <Card>
      <CardContent className="pt-5">
        <SendWindowForm current={setting.window} canEdit={canEdit} />
      </CardContent>
    </Card>
  );
}
