import "server-only";
// Route handlers of the automation API run the very same action definitions as the forms.
import type { z } from "zod";
import { runAction, type ActionDef } from "@/lib/actions/safe-action";
import type { Access } from "@/lib/auth/authorize";
import type { SessionUser } from "@/lib/auth/session";
import { HTTP_STATUS } from "@/lib/errors";
import type { RouteContext } from "./route";

export async function actionResponse<A extends Access, S extends z.ZodType, T>(
  def: ActionDef<A, S, T>,
  input: unknown,
  ctx: RouteContext<Access>,
  shape: (data: T) => unknown = (d) => d,
  successStatus = 200,
): Promise<Response> {
  const meta = { requestId: ctx.actor.requestId ?? "", ip: ctx.actor.ip ?? null, userAgent: ctx.actor.userAgent ?? null };
  const result = await runAction(def, input, { user: ctx.user as SessionUser | null, db: ctx.db!, meta });
  if (result.ok) return Response.json(await shape(result.data), { status: successStatus });
  return Response.json({ error: result.error }, { status: HTTP_STATUS[result.error.code] });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The JSON body of a request, or a clear 400 when it is not JSON. Decoded strictly: a body that is not UTF-8 is
 * refused rather than stored with U+FFFD where its bytes were.
 */
export async function jsonBody(req: Request): Promise<unknown> {
  const { UserFacingError } = await import("@/lib/errors");
  let text: string;
  try {
    text = utf8.decode(await req.arrayBuffer());
  } catch {
    throw new UserFacingError("invalid", "The request body must be JSON encoded as UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UserFacingError("invalid", "The request body must be JSON");
  }
}
