import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CHANGE_PASSWORD_PATH } from "@/lib/auth/page-guard";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/runtime/current";
import { findUserById } from "@/lib/users/queries";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

// Outside the console layout on purpose: that layout sends anyone with a pending reset here, so this page must not use it.
export default async function ChangePasswordPage() {
  const user = await currentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(CHANGE_PASSWORD_PATH)}`);
  const hasPassword = Boolean((await findUserById(await getDb(), user.id))?.passwordHash);
  const forced = user.mustChangePassword;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{forced ? "Choose a new password" : "Change password"}</CardTitle>
        <CardDescription>
          {forced
            ? `An administrator reset the password of ${user.email}. Choose your own to continue.`
            : `Signed in as ${user.email}. Changing it signs out your other sessions.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {hasPassword ? (
          <ChangePasswordForm email={user.email} forced={forced} />
        ) : (
          <Alert tone="info">Your account signs in through single sign-on: change your password with your identity provider.</Alert>
        )}
      </CardContent>
    </Card>
  );
}
