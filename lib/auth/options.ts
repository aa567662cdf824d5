import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getRuntime } from "@/lib/runtime/current";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "@/lib/request/headers";
import { signInSchema } from "@/lib/users/schemas";
import { currentRequestMeta, type RequestMeta } from "@/lib/request/meta";
import { findUserByEmail } from "@/lib/users/queries";
import { roleFromClaim } from "./oidc-role";
import { isEmailVerified, signInWithOidc } from "./oidc-sign-in";
import { safeRedirect } from "./safe-redirect";
import { createSession } from "./sessions";
import { attemptSignIn, defaultDelay } from "./sign-in";
import { endSession } from "./sign-out";

export const OIDC_PROVIDER_ID = "oidc";

type HeaderBag = Record<string, string | string[] | undefined> | undefined;
const header = (h: HeaderBag, name: string) => {
  const v = h?.[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

let cached: Promise<AuthOptions> | undefined;

export function getAuthOptions(): Promise<AuthOptions> {
  cached ??= buildAuthOptions();
  return cached;
}

async function buildAuthOptions(): Promise<AuthOptions> {
  const rt = await getRuntime();
  const e = rt.env;
  const db = rt.database.db;

  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Enter your email and password");
        const headers = req?.headers as HeaderBag;
        const result = await attemptSignIn(
          db,
          parsed.data,
          { requestId: header(headers, REQUEST_ID_HEADER), ip: header(headers, CLIENT_IP_HEADER), userAgent: header(headers, "user-agent") },
          { maxFailures: e.SIGN_IN_MAX_FAILURES, clientMaxFailures: e.SIGN_IN_CLIENT_MAX_FAILURES, lockMinutes: e.SIGN_IN_LOCK_MINUTES, delayMs: defaultDelay },
        );
        if (!result.ok) throw new Error(result.message);
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ];

  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: e.OIDC_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(p: Record<string, unknown>) {
        return {
          id: String(p.sub),
          email: String(p.email ?? ""),
          name: String(p.name ?? p.email ?? ""),
          role: roleFromClaim(p[e.OIDC_ROLE_CLAIM], e.OIDC_DEFAULT_ROLE),
        };
      },
    });
  }

  const secure = (e.PUBLIC_URL ?? "").startsWith("https://");
  // Outside a request (never for a sign-in, which is one) the session row simply records no address.
  const requestMeta = async (): Promise<Partial<RequestMeta>> => currentRequestMeta().catch(() => ({}));

  return {
    secret: rt.authSecret,
    providers,
    pages: { signIn: "/login", error: "/login" },
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_HOURS * 3600 },
    useSecureCookies: secure,
    // Over https the session cookie is a __Host- cookie: Secure, Path=/ and no Domain, so no sibling host can set or
    // shadow it. Plain http (development, tests) keeps next-auth's default name, which browsers accept there.
    cookies: secure
      ? { sessionToken: { name: "__Host-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } } }
      : undefined,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const meta = await requestMeta();
        const result = await signInWithOidc(
          db,
          {
            email: user.email ?? "",
            name: user.name ?? "",
            role: (user as { role?: ReturnType<typeof roleFromClaim> }).role ?? e.OIDC_DEFAULT_ROLE,
            emailVerified: isEmailVerified(profile as Record<string, unknown> | undefined),
          },
          { requestId: meta.requestId ?? null, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null },
        );
        // A code, never free text: the sign-in page maps it to its own message.
        return result.ok ? true : `/login?error=${result.code}`;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const dbUser = account.provider === OIDC_PROVIDER_ID ? await findUserByEmail(db, user.email ?? "") : undefined;
          const uid = dbUser?.id ?? user.id;
          const meta = await requestMeta();
          const session = await createSession(db, {
            userId: uid,
            method: account.provider === OIDC_PROVIDER_ID ? "sso" : "password",
            ip: meta.ip ?? null,
            userAgent: meta.userAgent ?? null,
            maxAgeHours: e.SESSION_MAX_AGE_HOURS,
          });
          token.uid = uid;
          token.sid = session.id;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: typeof token.uid === "string" ? token.uid : undefined, sid: typeof token.sid === "string" ? token.sid : undefined };
      },
      async redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl, e.PUBLIC_URL);
      },
    },
    events: {
      async signOut({ token }) {
        await endSession(db, token);
      },
    },
  };
}
