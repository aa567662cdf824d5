import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ContactsView } from "./contacts-view";
import { UrlState } from "@/components/list/url-state";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  await requirePageUser("viewer");
  return (
    <>
      <PageHeader title="Contacts" description="Every chat contact the console created or joined in Amazon Connect, newest first." />
      {/* The view reads the filters from the URL on the client, which needs a Suspense boundary. */}
      <Suspense fallback={<p className="text-sm text-muted-foreground">Loading contacts…</p>}>
        <UrlState>
          <ContactsView />
        </UrlState>
      </Suspense>
    </>
  );
}
