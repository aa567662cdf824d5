// The whole configuration surface, validated with zod. Pure (no side effects) so scripts and tests can use it.
import path from "node:path";
import { z } from "zod";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOSTNAME: z.string().default("0.0.0.0"),
    PUBLIC_URL: opt(z.url()),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("./data")),
    DATABASE_URL: opt(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")),
    AUTH_SECRET: opt(z.string().min(32, "must be at least 32 characters")),
    ADMIN_EMAIL: opt(z.email()),
    ADMIN_PASSWORD: opt(z.string()),
    SESSION_MAX_AGE_HOURS: z.coerce.number().positive().max(720).default(12),
    // A session unused this long ends, however long its absolute lifetime still runs.
    SESSION_IDLE_MINUTES: z.coerce.number().positive().max(43_200).default(60),
    SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    // Failures from one client address, across every email, before that address is locked.
    SIGN_IN_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(20),
    SIGN_IN_LOCK_MINUTES: z.coerce.number().positive().max(1440).default(15),
    // Requests per minute each API key may make (its own bucket, shared by every process); 0 turns the limit off.
    API_KEY_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
    // Key of the audit chain's HMAC; derived from AUTH_SECRET when unset.
    AUDIT_KEY: opt(z.string().min(32, "must be at least 32 characters")),
    // Minutes between signed checkpoints of the audit chain's head (a file in DATA_DIR and the log); 0 turns them off.
    AUDIT_CHECKPOINT_MINUTES: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(1440).default(5)),
    // Migrations run with this URL (a role that owns the tables) while DATABASE_URL may be a plain role.
    DATABASE_MIGRATION_URL: opt(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")),
    // The lowest role that may read customers' message texts (inbound messages, chat-event content, transcripts).
    CUSTOMER_TEXT_ROLE: z.enum(["admin", "supervisor", "viewer"]).default("supervisor"),
    OIDC_ISSUER: opt(z.url()),
    OIDC_CLIENT_ID: opt(z.string()),
    OIDC_CLIENT_SECRET: opt(z.string()),
    OIDC_ROLE_CLAIM: z.string().default("role"),
    OIDC_DEFAULT_ROLE: z.enum(["admin", "supervisor", "viewer"]).default("viewer"),
    OIDC_NAME: z.string().default("Single sign-on"),
    CONNECT_MODE: z.enum(["local", "aws"]).default("local"),
    CONNECT_ENDPOINT: opt(z.url()),
    CONNECT_LOCAL_PORT: z.coerce.number().int().min(0).max(65535).default(4599),
    AWS_REGION: opt(z.string()),
    DISPATCHER: z.enum(["on", "off"]).default("on"),
    ACCOUNT_SENDS_PER_SECOND: z.coerce.number().positive().max(10_000).default(5),
    CONCURRENT_CHAT_QUOTA: z.coerce.number().int().positive().default(500),
    // Seconds between reconciliation rounds (DescribeContact on the console's open chats); 0 turns it off.
    RECONCILE_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(3600).default(15)),
    // The SQS queue subscribed to the chat-stream SNS topic, read by the console and each worker; "off" reads none. In
    // local mode unset means the simulator's chat-stream queue; in aws mode unset means none.
    CHAT_STREAM_QUEUE_URL: opt(z.union([z.literal("off"), z.url({ protocol: /^https?$/, error: 'must be an http(s) queue URL or "off"' })])),
    RECIPIENTS_MAX_MB: z.coerce.number().positive().max(1024).default(50),
    // Launch asks for a second confirmation when more than this share of rows is invalid, and for the count to be typed
    // from this many recipients up.
    LAUNCH_CONFIRM_INVALID_PERCENT: z.coerce.number().min(0).max(100).default(10),
    LAUNCH_TYPE_COUNT_FROM: z.coerce.number().int().min(1).default(1000),
  })
  .superRefine((e, ctx) => {
    const oidc = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ISSUER"], message: "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET go together" });
    }
    if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["ADMIN_EMAIL"], message: "ADMIN_EMAIL and ADMIN_PASSWORD go together" });
    }
    if (e.DATABASE_MIGRATION_URL && !e.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_MIGRATION_URL"], message: "needs DATABASE_URL (it only applies to PostgreSQL)" });
    }
    if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production with DATABASE_URL (generate one: openssl rand -base64 48)" });
    }
  });

export type Env = z.output<typeof schema> & {
  dataDir: string;
  databaseKind: "pglite" | "postgres";
  region: string;
};

export class ConfigError extends Error {}

export function loadEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    ...e,
    dataDir: path.resolve(e.DATA_DIR),
    databaseKind: e.DATABASE_URL ? "postgres" : "pglite",
    region: e.AWS_REGION ?? "us-east-1",
  };
}
