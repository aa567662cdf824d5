"use client";
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";

// next-auth's browser client (about 7 kB gzipped) loads when the button is pressed: every console page shows the
// button, and only its click needs the client.
async function signOutToLogin() {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl: "/login" });
}

export function SignOutButton() {
  return (
    <Button variant="outline" size="sm" onClick={() => void signOutToLogin()}>
      <LogOut className="size-4" aria-hidden />
      Sign out
    </Button>
  );
}
