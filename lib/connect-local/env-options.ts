// Turns CONNECT_LOCAL_* variables into start options; throws one message naming every bad variable.
import { join } from "node:path";
import { z } from "zod";
import { audienceConfigSchema } from "./audience-config";
import { WHATSAPP_MESSAGING_LIMITS } from "./ceiling-schemas";
import { FAULT_NAMES, INITIATION_METHODS, faultsSchema, type ConnectLocalConfigPatch, type FaultName } from "./config";
import { DEFAULT_PORT, type ConnectLocalOptions } from "./options";

/** Value of CONNECT_LOCAL_DATA that keeps state in memory only. */
export const IN_MEMORY_DATA = ":memory:";

export function connectLocalOptionsFromEnv(env: NodeJS.ProcessEnv): ConnectLocalOptions {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const number = (name: string, check: (n: number) => boolean, expectation: string): number | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!Number.isFinite(value) || !check(value)) {
      problems.push(`${name} must be ${expectation} (got "${raw}")`);
      return undefined;
    }
    return value;
  };

  const port = number("CONNECT_LOCAL_PORT", (n) => Number.isInteger(n) && n >= 0 && n <= 65535, "an integer port 0-65535");
  const config: ConnectLocalConfigPatch = {};
  const rate = number("CONNECT_LOCAL_RATE", (n) => n > 0, "a positive number of requests per second");
  if (rate !== undefined) config.rate = rate;
  const burst = number("CONNECT_LOCAL_BURST", (n) => Number.isInteger(n) && n >= 1, "a whole number of at least 1");
  if (burst !== undefined) config.burst = burst;
  const maxChats = number("CONNECT_LOCAL_MAX_CHATS", (n) => Number.isInteger(n) && n >= 0, "a whole number of at least 0");
  if (maxChats !== undefined) config.maxActiveChats = maxChats;
  const latency = number("CONNECT_LOCAL_LATENCY_MS", (n) => Number.isInteger(n) && n >= 0 && n <= 120_000, "whole milliseconds 0-120000");
  if (latency !== undefined) config.latencyMs = latency;
  const speed = number("CONNECT_LOCAL_CLOCK_SPEED", (n) => n > 0, "a positive multiplier");
  if (speed !== undefined) config.clockSpeed = speed;

  const faults = read("CONNECT_LOCAL_FAULTS");
  if (faults !== undefined) {
    const parsed = parseFaults(faults);
    if (typeof parsed === "string") problems.push(`CONNECT_LOCAL_FAULTS ${parsed}`);
    else config.faults = parsed;
  }

  const method = read("CONNECT_LOCAL_INITIATION_METHOD");
  if (method !== undefined) {
    const known = (INITIATION_METHODS as readonly string[]).includes(method);
    if (known) config.initiationMethod = method as (typeof INITIATION_METHODS)[number];
    else problems.push(`CONNECT_LOCAL_INITIATION_METHOD must be one of ${INITIATION_METHODS.join(", ")} (got "${method}")`);
  }

  const throughput = read("CONNECT_LOCAL_NUMBER_THROUGHPUT");
  if (throughput !== undefined) {
    if (throughput === "on" || throughput === "off") config.enforceNumberThroughput = throughput === "on";
    else problems.push(`CONNECT_LOCAL_NUMBER_THROUGHPUT must be on or off (got "${throughput}")`);
  }

  const limit = read("CONNECT_LOCAL_WHATSAPP_MESSAGING_LIMIT");
  if (limit !== undefined) {
    const parsed = parseMessagingLimit(limit);
    if (parsed === undefined) {
      problems.push(`CONNECT_LOCAL_WHATSAPP_MESSAGING_LIMIT must be off, seed or one of ${WHATSAPP_MESSAGING_LIMITS.join(", ")} (got "${limit}")`);
    } else Object.assign(config, parsed);
  }

  const audience = read("CONNECT_LOCAL_AUDIENCE");
  if (audience !== undefined) {
    const parsed = parseAudience(audience);
    if (typeof parsed === "string") problems.push(`CONNECT_LOCAL_AUDIENCE ${parsed}`);
    else config.audience = parsed;
  }

  if (problems.length > 0) throw new Error(`Invalid connect-local environment:\n- ${problems.join("\n- ")}`);

  const dataSetting = read("CONNECT_LOCAL_DATA");
  const dataDir = dataSetting === IN_MEMORY_DATA ? undefined : (dataSetting ?? join(read("DATA_DIR") ?? "./data", "connect-local"));

  return {
    host: read("CONNECT_LOCAL_HOST"),
    port: port ?? DEFAULT_PORT,
    seedPath: read("CONNECT_LOCAL_SEED"),
    dataDir,
    config,
  };
}

/** `InternalServiceException=0.05,ThrottlingException=0.02` → table; a string describes what is wrong. */
export function parseFaults(text: string): Partial<Record<FaultName, number>> | string {
  const table: Partial<Record<FaultName, number>> = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, value, extra] = part.split("=").map((p) => p.trim());
    if (!name || value === undefined || extra !== undefined) return `entry "${part}" must look like Name=probability`;
    if (!(FAULT_NAMES as string[]).includes(name)) return `names unknown fault "${name}" (known: ${FAULT_NAMES.join(", ")})`;
    const probability = Number(value);
    if (value === "" || !Number.isFinite(probability) || probability < 0 || probability > 1) {
      return `gives ${name} probability "${value}", expected a number from 0 to 1`;
    }
    table[name as FaultName] = probability;
  }
  const checked = faultsSchema.safeParse(table);
  if (!checked.success) return "probabilities must add up to at most 1";
  return table;
}

/** `off` → not enforced; `seed` → each business account's seed limit; a tier → that limit for every account. */
function parseMessagingLimit(text: string): Pick<ConnectLocalConfigPatch, "enforceWhatsAppMessagingLimit" | "whatsAppMessagingLimit"> | undefined {
  if (text === "off") return { enforceWhatsAppMessagingLimit: false };
  if (text === "seed") return { enforceWhatsAppMessagingLimit: true, whatsAppMessagingLimit: null };
  const tier = WHATSAPP_MESSAGING_LIMITS.find((candidate) => String(candidate).toLowerCase() === text.toLowerCase().replaceAll(",", "").replaceAll("_", ""));
  return tier === undefined ? undefined : { enforceWhatsAppMessagingLimit: true, whatsAppMessagingLimit: tier };
}

/** `on` → the model with its default funnel, `off` → none, or the whole setting as JSON; a string says what is wrong. */
export function parseAudience(text: string): ConnectLocalConfigPatch["audience"] | string {
  if (text === "on" || text === "off") return { enabled: text === "on" };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `must be on, off or a JSON object such as {"enabled":true,"read":0.5} (got "${text.slice(0, 40)}")`;
  }
  const checked = audienceConfigSchema.safeParse(json);
  if (!checked.success) return `is not a valid audience setting: ${z.prettifyError(checked.error).replaceAll("\n", " ")}`;
  return json as ConnectLocalConfigPatch["audience"];
}
