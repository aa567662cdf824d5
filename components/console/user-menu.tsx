import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABEL, type Role } from "@/lib/auth/roles";
import { SignOutButton } from "./sign-out-button";

export function UserMenu({ email, role }: { email: string; role: Role }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <span data-testid="signed-in-user">{email}</span>
      <Badge tone={role === "admin" ? "info" : role === "supervisor" ? "success" : "neutral"} data-testid="signed-in-role">
        {ROLE_LABEL[role]}
      </Badge>
      <Link href="/change-password" className="text-muted-foreground underline-offset-4 hover:underline">
        Change password
      </Link>
      <SignOutButton />
    </div>
  );
}
