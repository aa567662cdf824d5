import type { Metadata } from "next";
import { ReadOnlyNote } from "@/components/console/read-only-note";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { AddNumberDialog } from "./add-number-dialog";
import { ImportDialog } from "./import-dialog";
import { SuppressionView } from "./suppression-view";

export const metadata: Metadata = { title: "Suppression list" };

export default async function SuppressionPage() {
  const user = await requirePageUser("viewer");
  // Viewers do not get the buttons; the actions refuse them anyway.
  const canEdit = hasRole(user.role, "supervisor");
  return (
    <>
      <PageHeader
        title="Suppression list"
        description="Numbers that must never be contacted. Every campaign leaves them out."
        actions={
          canEdit ? (
            <>
              <ImportDialog />
              <AddNumberDialog />
            </>
          ) : (
            <ReadOnlyNote role={user.role} cannot="add, import or remove numbers" />
          )
        }
      />
      <SuppressionView canEdit={canEdit} />
    </>
  );
}
