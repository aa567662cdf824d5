import type { Metadata } from "next";
import { Users } from "lucide-react";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";

export const metadata: Metadata = { title: "Contacts" };

export default function ContactsPage() {
  return (
    <>
      <PageHeader title="Contacts" description="Every chat contact the console created or joined in Amazon Connect." />
      <EmptyState icon={Users} title="No contacts yet">
        Contacts created by campaign sends, test sends and chat events appear here.
      </EmptyState>
    </>
  );
}
