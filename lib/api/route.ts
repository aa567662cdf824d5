import "server-only";
// Every route handler is wrapped here: the same authorization as server actions, cross-site refusal for cookie
// sessions, API keys on /api/v1 only, one log line per refusal, JSON errors with the right status.
import { authenticateKey } from "@/lib/api-keys/authenticate";
import { bearerToken } from "@/lib/api-keys/token";
import { authorizeOrRefuse, logRefusal } from "@/lib/actions/safe-action";
import type { Access } from "@/lib/auth/authorize";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import type { AuditActor } from "@/lib/audit/context";
import type { Db } from "@/lib/db/types";
import { env } from "@/lib/env";
import { HTTP_STATUS, RefusalError, toErrorBody } from "@/lib/errors";
import { metaFromHeaders } from "@/lib/request/meta";
import { getDb } from "@/lib/runtime/current";
import { STATE_CHANGING_METHODS, checkSameOrigin } from "./same-origin";

export interface RouteContext<A extends Access> {
  req: Request;
  params: Record<string, string>;
  /** Public routes (health, signed webhooks) get neither a user nor the database: they check and open what they need. */
  user: A extends "public" ? null : SessionUser;
  db: A extends "public" ? undefined : Db;
  actor: AuditActor;
}

type Handler<A extends Access> = (ctx: RouteContext<A>) => Promise<Response>;

/** The automation API: the only routes an API key opens. Everything else under /api serves the console's own pages. */
export const KEY_API_PREFIX = "/api/v1/";

interface Principal {
  user: SessionUser | null;
  keyId?: string;
}

/**
 * Who is calling: an API key (`Authorization: Bearer …`, for automation, on /api/v1 only) or the browser session.
 * A key acts with its own role and is named in the audit log as `api-key:<name>`.
 */
async function principalFor(req: Request, path: string, db: Db): Promise<Principal> {
  const token = bearerToken(req);
  if (!token) return { user: await currentUser() };
  if (!path.startsWith(KEY_API_PREFIX)) {
    throw new RefusalError("unauthenticated", "API keys work on /api/v1 only; this route is for the console's signed-in pages.", "key_outside_v1");
  }
  const key = await authenticateKey(db, token, { requestsPerMinute: env().API_KEY_REQUESTS_PER_MINUTE });
  return { user: key, keyId: key.keyId };
}

/** Answers that may carry personal data must not be kept by browsers or proxies, unless the handler chose otherwise. */
function withNoStore(res: Response): Response {
  if (res.headers.has("cache-control")) return res;
  try {
    res.headers.set("cache-control", "no-store");
    return res;
  } catch {
    // Headers of a fetched or redirect response are immutable: copy it.
    const copy = new Response(res.body, res);
    copy.headers.set("cache-control", "no-store");
    return copy;
  }
}

export function apiRoute<A extends Access>(access: A, handler: Handler<A>) {
  return async (req: Request, segment: { params?: Promise<Record<string, string>> }): Promise<Response> => {
    const meta = metaFromHeaders(req.headers);
    const isPublic = access === "public";
    const path = new URL(req.url).pathname;
    let principal: Principal = { user: null };
    try {
      const db = isPublic ? undefined : await getDb();
      let user: SessionUser | null = null;
      if (!isPublic) {
        principal = await principalFor(req, path, db!);
        user = authorizeOrRefuse(principal.user, access);
        // A browser sends the session cookie with requests other sites make; keys are never sent by a browser on its own.
        const crossSite = !principal.keyId && STATE_CHANGING_METHODS.has(req.method) ? checkSameOrigin(req, env().PUBLIC_URL) : null;
        if (crossSite) {
          throw new RefusalError("forbidden", "This request came from another site. Changes can only be made from the console's own pages.", crossSite);
        }
      }
      const actor: AuditActor = { actorId: user?.id ?? null, actorEmail: user?.email ?? "anonymous", ...meta };
      const params = (await segment?.params) ?? {};
      const res = await handler({ req, params, user, db, actor } as RouteContext<A>);
      return isPublic ? res : withNoStore(res);
    } catch (err) {
      logRefusal(err, {
        route: path,
        method: req.method,
        actor: principal.keyId ? undefined : principal.user?.id,
        key: principal.keyId,
        requestId: meta.requestId,
      });
      const body = toErrorBody(err, meta.requestId);
      const headers: Record<string, string> = { "x-request-id": meta.requestId };
      if (!isPublic) headers["cache-control"] = "no-store";
      if (err instanceof RefusalError && err.details.retryAfter) headers["retry-after"] = String(err.details.retryAfter);
      return Response.json({ error: body }, { status: HTTP_STATUS[body.code], headers });
    }
  };
}
