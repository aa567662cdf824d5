import "server-only";
// Every route handler is wrapped here: the same authorization as server actions, JSON errors with the right status.
import { findActiveKey, touchKey } from "@/lib/api-keys/queries";
import { bearerToken } from "@/lib/api-keys/token";
import { authorize, type Access } from "@/lib/auth/authorize";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import type { AuditActor } from "@/lib/audit/context";
import type { Db } from "@/lib/db/types";
import { HTTP_STATUS, UserFacingError, toErrorBody } from "@/lib/errors";
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

/**
 * Who is calling: an API key (`Authorization: Bearer …`, for automation) or the browser session.
 * A key acts with its own role and is named in the audit log as `api-key:<name>`.
 */
async function principalFor(req: Request, db: Db): Promise<SessionUser | null> {
  const token = bearerToken(req);
  if (!token) return currentUser();
  const key = await findActiveKey(db, token);
  if (!key) throw new UserFacingError("unauthenticated", "This API key is unknown or has been revoked");
  await touchKey(db, key.id);
  return { id: key.id, email: `api-key:${key.name}`, name: key.name, role: key.role };
}

export function apiRoute<A extends Access>(access: A, handler: Handler<A>) {
  return async (req: Request, segment: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const meta = metaFromHeaders(req.headers);
    try {
      const isPublic = access === "public";
      const db = isPublic ? undefined : await getDb();
      const user = isPublic ? null : authorize(await principalFor(req, db!), access);
      const actor: AuditActor = { actorId: user?.id ?? null, actorEmail: user?.email ?? "anonymous", ...meta };
      const params = (await segment?.params) ?? {};
      return await handler({ req, params, user, db, actor } as RouteContext<A>);
    } catch (err) {
      const body = toErrorBody(err, meta.requestId);
      return Response.json({ error: body }, { status: HTTP_STATUS[body.code], headers: { "x-request-id": meta.requestId } });
    }
  };
}
