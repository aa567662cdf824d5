import "server-only";
// Every server action is defined here: authenticate, authorize, parse the shared zod schema, set the audit actor.
import { z } from "zod";
import type { AuditActor } from "@/lib/audit/context";
import { authorize, type Access } from "@/lib/auth/authorize";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db/types";
import { toErrorBody, type ErrorBody } from "@/lib/errors";
import { currentRequestMeta, type RequestMeta } from "@/lib/server/request-meta";
import { getDb } from "@/lib/server/runtime";

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
  // Method syntax on purpose: it lets every definition sit in one list of AnyActionDef.
  handler(input: z.output<S>, ctx: ActionContext<A>): Promise<T>;
}

export type AnyActionDef = ActionDef<Access, z.ZodType, unknown>;

export function defineAction<A extends Access, S extends z.ZodType, T>(def: ActionDef<A, S, T>): ActionDef<A, S, T> {
  return def;
}

/** The core, with the caller's identity passed in: what the Next binding below and the tests both run. */
export async function runAction<A extends Access, S extends z.ZodType, T>(
  def: ActionDef<A, S, T>,
  rawInput: unknown,
  ctx: { user: SessionUser | null; db: Db; meta: RequestMeta },
): Promise<ActionResult<T>> {
  try {
    const user = authorize(ctx.user, def.access);
    const input = def.input.parse(rawInput);
    const actor: AuditActor = { actorId: user?.id ?? null, actorEmail: user?.email ?? "anonymous", ...ctx.meta };
    const data = await def.handler(input, { user, db: ctx.db, actor } as ActionContext<A>);
    return { ok: true, data };
  } catch (err) {
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
