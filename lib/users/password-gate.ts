import "server-only";
// Until someone whose password was reset chooses a new one, they may do nothing but that.
import type { SessionUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";

export const MUST_CHANGE_PASSWORD_MESSAGE = "Your password was reset by an administrator. Choose a new password on the Change password page first.";

export function refuseUntilPasswordChanged(user: Pick<SessionUser, "mustChangePassword"> | null): void {
  if (user?.mustChangePassword) throw new UserFacingError("forbidden", MUST_CHANGE_PASSWORD_MESSAGE);
}
