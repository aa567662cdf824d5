import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABEL, type Role } from "@/lib/auth/roles";
import { cn } from "@/lib/utils";
import { SignOutButton } from "./sign-out-button";

/** Who is signed in, as what, and their account links: in the header from 768 px up, stacked in the phone drawer. */
export function UserMenu({ email, role, stacked = false, className }: { email: string; role: Role; stacked?: boolean; className?: string }) {
  return (
    <div className={cn("flex min-w-0 text-sm", stacked ? "flex-col items-start gap-3" : "items-center gap-3", className)}>
      <span className={cn("min-w-0 truncate", stacked ? "max-w-full" : "max-w-64")} title={email} data-testid="signed-in-user">
        {email}
      </span>
      <Badge tone={role === "admin" ? "info" : role === "supervisor" ? "success" : "neutral"} data-testid="signed-in-role">
        {ROLE_LABEL[role]}
      </Badge>
      <Link href="/change-password" className="shrink-0 text-muted-foreground underline-offset-4 hover:underline">
        Change password
      </Link>
      <SignOutButton />
    </div>
  );
}
