import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getDb } from "@/lib/runtime/current";
import { countUsers } from "@/lib/users/queries";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "First-run setup" };

// Exists only until the first account does; after that the route is gone.
export default async function SetupPage() {
  if ((await countUsers(await getDb())) > 0) notFound();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Create the first admin</CardTitle>
        <CardDescription>This account manages users and settings. This page disappears once it exists.</CardDescription>
      </CardHeader>
      <CardContent>
        <SetupForm />
      </CardContent>
    </Card>
  );
}
