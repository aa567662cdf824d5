// Settings → Send window: the hours, in each recipient's time zone, that campaigns keep to by default. Admins edit,
// everyone reads.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getRuntime } from "@/lib/runtime/current";
import { readSendWindowSetting } from "@/lib/settings/send-window";
import { SendWindowForm } from "./send-window-form";

export async function SendWindowSection({ canEdit }: { canEdit: boolean }) {
  const rt = await getRuntime();
  const setting = await readSendWindowSetting(rt.database.db);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Send window</CardTitle>
        <CardDescription>
          When recipients may be contacted, in their own time zone (from the number&apos;s country and area code, or the list&apos;s timezone column). A
          recipient outside the window waits and is sent when it opens. Campaigns may choose no window or hours of their own.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SendWindowForm current={setting.window} canEdit={canEdit} />
      </CardContent>
    </Card>
  );
}
