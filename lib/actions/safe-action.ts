import "server-only";
// Every server action is defined here: authenticate, authorize, parse the shared zod schema, set the audit actor.
import { z } from "zod";
import type { AuditActor } from "@/lib/audit/context";
import { authorize, type Access } from "@/lib/auth/authorize";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/types";
import { HTTP_STATUS, RefusalError, UserFacingError, toErrorBody, type ErrorBody } from "@/lib/errors";
import { logEvent } from "@/lib/log/event";
import { currentRequestMeta, type RequestMeta } from "@/lib/request/meta";
import { getDb } from "@/lib/runtime/current";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export interface ActionContext<A extends Access> {
  user: A extends "public" ? SessionUser | null : SessionUser;
  db: Db;
  actor: AuditActor;
}

export interface ActionDef<A extends Access, S extends z.ZodType, T> {
  name: string;
  access: A;
  input: S;
  /** Only for the action that sets a new password: everything else waits until a reset password has been replaced. */
  allowPendingPasswordChange?: boolean;
  // Method syntax on purpose: it lets every definition sit in one list of AnyActionDef.
  handler(input: z.output<S>, ctx: ActionContext<A>): Promise<T>;
}

export type AnyActionDef = ActionDef<Access, z.ZodType, unknown>;

export function defineAction<A extends Access, S extends z.ZodType, T>(def: ActionDef<A, S, T>): ActionDef<A, S, T> {
  return def;
}

export const MUST_CHANGE_PASSWORD_MESSAGE = "Your password was reset by an administrator. Choose a new password on the Change password page first.";

/**
 * authorize(), with a reason code on its refusals for the log: "unauthenticated" (nobody signed in), "role", or
 * "password_change_pending" (an admin reset the password: until it is replaced, the user may do nothing else).
 */
export function authorizeOrRefuse<P extends SessionUser>(principal: P | null, required: Access, opts: { allowPendingPasswordChange?: boolean } = {}): P | null {
  let user: P | null;
  try {
    user = authorize(principal, required);
  } catch (err) {
    if (err instanceof UserFacingError && (err.code === "unauthenticated" || err.code === "forbidden")) {
      throw new RefusalError(err.code, err.message, err.code === "unauthenticated" ? "unauthenticated" : "role");
    }
    throw err;
  }
  if (user?.mustChangePassword && !opts.allowPendingPasswordChange) {
    throw new RefusalError("forbidden", MUST_CHANGE_PASSWORD_MESSAGE, "password_change_pending");
  }
  return user;
}

/**
 * One structured line for each refused request (401, 403, a key's 429): where, who by id (a user id or a key id,
 * never an email) and why. Other errors are not refusals and write nothing here.
 */
export function logRefusal(err: unknown, where: { route?: string; action?: string; method?: string; actor?: string; key?: string; requestId: string }): void {
  const refusal = err instanceof RefusalError;
  if (!refusal && !(err instanceof UserFacingError && (err.code === "unauthenticated" || err.code === "forbidden"))) return;
  const e = err as UserFacingError;
  logEvent({
    level: "warn",
    event: "refused",
    ...where,
    key: where.key ?? (refusal ? err.details.keyId : undefined),
    reason: refusal ? err.reason : e.code,
    status: HTTP_STATUS[e.code],
  });
}

/** The core, with the caller's identity passed in: what the Next binding below and the tests both run. */
export async function runAction<A extends Access, S extends z.ZodType, T>(
  def: ActionDef<A, S, T>,
  rawInput: unknown,
  ctx: { user: SessionUser | null; db: Db; meta: RequestMeta },
): Promise<ActionResult<T>> {
  try {
    const user = authorizeOrRefuse(ctx.user, def.access, { allowPendingPasswordChange: def.allowPendingPasswordChange });
    const input = def.input.parse(rawInput);
    const actor: AuditActor = { actorId: user?.id ?? null, actorEmail: user?.email ?? "anonymous", ...ctx.meta };
    const data = await def.handler(input, { user, db: ctx.db, actor } as ActionContext<A>);
    return { ok: true, data };
  } catch (err) {
    // API keys act as a principal whose audit name is `api-key:<name>` and whose id is the key's.
    const byKey = ctx.user?.email.startsWith("api-key:") ?? false;
    logRefusal(err, { action: def.name, actor: byKey ? undefined : ctx.user?.id, key: byKey ? ctx.user?.id : undefined, requestId: ctx.meta.requestId });
    return { ok: false, error: toErrorBody(err, ctx.meta.requestId) };
  }
}

/** Binds a definition to the current request: session, request metadata and the process database. */
export function serverAction<A extends Access, S extends z.ZodType, T>(def: ActionDef<A, S, T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const meta = await currentRequestMeta();
    const [user, db] = await Promise.all([currentUser(), getDb()]);
    return runAction(def, input, { user, db, meta });
  };
}
