// Settings → Two-person approval: whether large launches, and WhatsApp marketing sends, need a second person. Admins
// edit, everyone reads.
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getRuntime } from "@/lib/runtime/current";
import { readApprovalSetting } from "@/lib/settings/approval";
import { ApprovalForm } from "./approval-form";

export async function ApprovalSection({ canEdit }: { canEdit: boolean }) {
  const rt = await getRuntime();
  const setting = await readApprovalSetting(rt.database.db);
  return (
    <Card data-testid="approval-settings">
      <CardHeader>
        <CardTitle>Two-person approval</CardTitle>
        <CardDescription>
          Large launches, and WhatsApp sends of marketing templates, wait until a different person approves them: an admin, or a user an admin made an approver
          on Settings → Users. Nobody approves their own campaign.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ApprovalForm current={setting} canEdit={canEdit} />
      </CardContent>
    </Card>
  );
}
