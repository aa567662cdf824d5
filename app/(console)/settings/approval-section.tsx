// Settings → Approval: whether large launches, and WhatsApp marketing sends, need a second person. Admins edit,
// everyone reads.
import { Card, CardContent } from "@/components/ui/card";
import { getRuntime } from "@/lib/runtime/current";
import { readApprovalSetting } from "@/lib/settings/approval";
import { ApprovalForm } from "./approval-form";

export async function ApprovalSection({ canEdit }: { canEdit: boolean }) {
  const rt = await getRuntime();
  const setting = await readApprovalSetting(rt.database.db);
  return (
    <Card data-testid="approval-settings">
      <CardContent className="pt-5">
        <ApprovalForm current={setting} canEdit={canEdit} />
      </CardContent>
    </Card>
  );
}
