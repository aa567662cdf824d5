import "server-only";
// Every route handler is wrapped here: the same authorization as server actions, JSON errors with the right status.
import { authorize, type Access } from "@/lib/auth/authorize";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import type { AuditActor } from "@/lib/audit/context";
import type { Db } from "@/lib/db/types";
import { HTTP_STATUS, toErrorBody } from "@/lib/errors";
import { metaFromHeaders } from "@/lib/server/request-meta";
import { getDb } from "@/lib/server/runtime";

export interface RouteContext<A extends Access> {
  req: Request;
  params: Record<string, string>;
  /** Public routes (health, signed webhooks) get neither a user nor the database: they check and open what they need. */
  user: A extends "public" ? null : SessionUser;
  db: A extends "public" ? undefined : Db;
  actor: AuditActor;
}

type Handler<A extends Access> = (ctx: RouteContext<A>) => Promise<Response>;

export function apiRoute<A extends Access>(access: A, handler: Handler<A>) {
  return async (req: Request, segment: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const meta = metaFromHeaders(req.headers);
    try {
      const isPublic = access === "public";
      const user = isPublic ? null : authorize(await currentUser(), access);
      const db = isPublic ? undefined : await getDb();
      const actor: AuditActor = { actorId: user?.id ?? null, actorEmail: user?.email ?? "anonymous", ...meta };
      const params = (await segment?.params) ?? {};
      return await handler({ req, params, user, db, actor } as RouteContext<A>);
    } catch (err) {
      const body = toErrorBody(err, meta.requestId);
      return Response.json({ error: body }, { status: HTTP_STATUS[body.code], headers: { "x-request-id": meta.requestId } });
    }
  };
}
