import "server-only";
// Changing one's own password, and an admin's reset of someone else's. Both end sessions the old password opened.
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isEmailLike } from "@/lib/users/password-policy";
import { revokeSession, revokeUserSessions } from "@/lib/auth/sessions";
import { clearAttemptsForUser, clearSingleAttempt, reserveSingleAttempt } from "@/lib/auth/sign-in-attempts";
import { env } from "@/lib/env";
import { UserFacingError } from "@/lib/errors";
import { loadUser } from "./actions";
import { replacePasswordHash, updateUser } from "@/lib/users/queries";
import { changePasswordSchema, resetPasswordSchema } from "@/lib/users/schemas";
import { generateTemporaryPassword } from "./temporary-password";

const WRONG_CURRENT = "Your current password is not correct";
const CURRENT_PASSWORD_SCOPE = "current_password";

/** The signed-in user sets a new password; their other sessions end, this one stays. The only action open while a reset is pending. */
export const changeOwnPassword = defineAction({
  name: "users.changeOwnPassword",
  allowPendingPasswordChange: true,
  access: "viewer",
  input: changePasswordSchema,
  handler: async (input, { db, user, actor }) => {
    const me = await loadUser(db, user.id);
    if (!me.passwordHash)
      throw new UserFacingError("conflict", "Your account signs in through single sign-on: change your password with your identity provider.");
    // Wrong current passwords are counted before checking, like sign-ins: at the limit this session ends, so someone
    // at an unattended browser cannot try passwords one after another.
    const { SIGN_IN_MAX_FAILURES: max, SIGN_IN_LOCK_MINUTES: windowMinutes } = env();
    const tries = await reserveSingleAttempt(db, CURRENT_PASSWORD_SCOPE, me.id, { windowMinutes, now: new Date() });
    if (tries.failures > max) {
      throw new UserFacingError("rate_limited", `Too many wrong current passwords. Try again in ${windowMinutes} minutes.`);
    }
    if (!(await verifyPassword(input.currentPassword, me.passwordHash))) {
      if (tries.failures === max) {
        await db.transaction(async (tx) => {
          await revokeSession(tx, user.sessionId, "current_password_guessing");
          await recordAudit(tx, actor, {
            action: "auth.locked_out",
            targetType: "user",
            targetId: me.id,
            diff: { scope: "current_password", failures: tries.failures },
          });
        });
        throw new UserFacingError("unauthenticated", "Too many wrong current passwords: you have been signed out. Sign in again to change your password.");
      }
      const left = max - tries.failures;
      const message = `${WRONG_CURRENT}. ${left} attempt${left === 1 ? "" : "s"} left before you are signed out.`;
      throw new UserFacingError("invalid", message, { currentPassword: message });
    }
    await clearSingleAttempt(db, CURRENT_PASSWORD_SCOPE, me.id);
    // The email is known only here, so this part of the policy is checked on the server.
    if (isEmailLike(input.newPassword, me.email)) {
      throw new UserFacingError("invalid", "Some fields need attention", { newPassword: "Do not use your email address as your password" });
    }
    const passwordHash = await hashPassword(input.newPassword);
    return db.transaction(async (tx) => {
      const after = await replacePasswordHash(tx, me.id, me.passwordHash!, passwordHash);
      if (!after) throw new UserFacingError("conflict", "Your password was changed or reset meanwhile. Sign in again and retry.");
      const otherSessionsEnded = await revokeUserSessions(tx, me.id, "password_changed", user.sessionId);
      await recordAudit(tx, actor, {
        action: "user.password_changed",
        targetType: "user",
        targetId: me.id,
        diff: { ...(me.mustChangePassword ? { mustChangePassword: { from: true, to: false } } : {}), otherSessionsEnded },
      });
      return { otherSessionsEnded };
    });
  },
});

/**
 * An admin gives someone a generated temporary password, shown once in the result and stored only as its hash. The
 * user must replace it at their next sign-in, and every session they had ends now.
 */
export const resetUserPassword = defineAction({
  name: "users.resetPassword",
  access: "admin",
  input: resetPasswordSchema,
  handler: async (input, { db, user, actor }) => {
    if (input.userId === user.id) throw new UserFacingError("conflict", "To change your own password, use Change password: it asks for your current one.");
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    return db.transaction(async (tx) => {
      const before = await loadUser(tx, input.userId);
      const after = (await updateUser(tx, before.id, { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() }))!;
      const sessionsEnded = await revokeUserSessions(tx, before.id, "password_reset");
      // A user locked out by their own mistakes can sign in with the temporary password at once.
      await clearAttemptsForUser(tx, before.email, before.id);
      // Never the password or its hash: only that it was reset, and what followed from it.
      await recordAudit(tx, actor, {
        action: "user.password_reset",
        targetType: "user",
        targetId: before.id,
        diff: { email: before.email, mustChangePassword: { from: before.mustChangePassword, to: true }, sessionsEnded },
      });
      return { email: after.email, temporaryPassword };
    });
  },
});
