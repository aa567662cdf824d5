import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record";
import { getRuntime } from "@/lib/server/runtime";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "@/lib/server/request-headers";
import { signInSchema } from "@/lib/users/schemas";
import { findUserByEmail, insertUser, publicUser, updateUser } from "@/lib/users/queries";
import { roleFromClaim } from "./oidc-role";
import { attemptSignIn, defaultDelay } from "./sign-in";

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
          { maxFailures: e.SIGN_IN_MAX_FAILURES, lockMinutes: e.SIGN_IN_LOCK_MINUTES, delayMs: defaultDelay },
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
        return { id: String(p.sub), email: String(p.email ?? ""), name: String(p.name ?? p.email ?? ""), role: roleFromClaim(p[e.OIDC_ROLE_CLAIM], e.OIDC_DEFAULT_ROLE) };
      },
    });
  }

  return {
    secret: rt.authSecret,
    providers,
    pages: { signIn: "/login", error: "/login" },
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_HOURS * 3600 },
    useSecureCookies: (e.PUBLIC_URL ?? "").startsWith("https://"),
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        // Single sign-on: the identity provider vouches for the email; its role claim sets the role.
        const email = (user.email ?? "").toLowerCase();
        if (!email) return "/login?error=" + encodeURIComponent("Your identity provider did not send an email address");
        const role = (user as { role?: ReturnType<typeof roleFromClaim> }).role ?? e.OIDC_DEFAULT_ROLE;
        const actor = { actorId: null, actorEmail: email };
        return db.transaction(async (tx) => {
          const existing = await findUserByEmail(tx, email);
          if (existing?.disabledAt) return "/login?error=" + encodeURIComponent("This account is disabled. Ask an administrator to enable it.");
          const saved = existing
            ? (await updateUser(tx, existing.id, { role, lastSignInAt: new Date() }))!
            : await insertUser(tx, { email, name: user.name ?? "", role, passwordHash: null });
          if (!existing) await recordAudit(tx, { ...actor, actorId: saved.id }, { action: "user.created", targetType: "user", targetId: saved.id, diff: { after: publicUser(saved), via: "sso" } });
          else if (existing.role !== role) await recordAudit(tx, { ...actor, actorId: saved.id }, { action: "user.role_changed", targetType: "user", targetId: saved.id, diff: { role: { from: existing.role, to: role }, via: "sso" } });
          await recordAudit(tx, { ...actor, actorId: saved.id }, { action: "auth.signed_in", targetType: "user", targetId: saved.id, diff: { method: "sso" } });
          return true;
        });
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const dbUser = account.provider === OIDC_PROVIDER_ID ? await findUserByEmail(db, user.email ?? "") : undefined;
          token.uid = dbUser?.id ?? user.id;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: typeof token.uid === "string" ? token.uid : undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.uid === "string") {
          await recordAudit(db, { actorId: token.uid, actorEmail: String(token.email ?? "unknown") }, { action: "auth.signed_out", targetType: "user", targetId: token.uid });
        }
      },
    },
  };
}
