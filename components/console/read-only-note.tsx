// Where a supervisor or admin would find buttons, a viewer finds this line instead of an unexplained gap. Rendered
// on the server: a page pays no JavaScript for it.
import { Lock } from "lucide-react";
import type { Role } from "@/lib/auth/roles";
import { cn } from "@/lib/utils";

/** `cannot`: what the missing buttons would do, "change campaigns" or "end this chat". Nothing for other roles. */
export function ReadOnlyNote({ role, cannot, className }: { role: Role; cannot: string; className?: string }) {
  if (role !== "viewer") return null;
  return (
    <p className={cn("flex max-w-md items-start gap-1.5 self-center text-sm text-muted-foreground", className)} data-testid="read-only-note">
      <Lock className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <span>You have viewer access: you can look but not {cannot}. An admin can change your role.</span>
    </p>
  );
}
