import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { OIDC_PROVIDER_ID } from "@/lib/auth/options";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getDb } from "@/lib/runtime/current";
import { countUsers } from "@/lib/users/queries";
import { signInErrorMessage } from "./error-messages";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  if ((await countUsers(await getDb())) === 0) redirect("/setup");
  if (await currentUser()) redirect("/campaigns");
  const { error, callbackUrl } = await searchParams;
  const e = env();
  const sso = e.OIDC_ISSUER ? { id: OIDC_PROVIDER_ID, name: e.OIDC_NAME } : null;
  // The form turns callbackUrl into a same-origin path (destination.ts) and shows only fixed texts for error codes.
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sign in</CardTitle>
        <CardDescription>Use your console account.</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm
          sso={sso}
          callbackUrl={typeof callbackUrl === "string" ? callbackUrl : null}
          initialError={signInErrorMessage(typeof error === "string" ? error : null)}
        />
      </CardContent>
    </Card>
  );
}
