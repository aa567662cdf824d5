import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

// next-auth's own endpoints (sign-in, callback, session, sign-out). Its options need the runtime, so they load per request.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, await getAuthOptions());
}

export { handler as GET, handler as POST };
