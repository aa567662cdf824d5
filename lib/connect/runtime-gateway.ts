import "server-only";
// The gateway for this process's configuration: AWS, or the local simulator the server started.
import { UserFacingError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/current";
import { classifyConnectError } from "./classify-error";
import { createConnectGateway, type ConnectGateway } from "./gateway";

const g = globalThis as unknown as { __outboundGateway?: { key: string; gateway: ConnectGateway }; __outboundGatewayOverride?: ConnectGateway };

/** Points this process at a given gateway (integration tests run a simulator of their own). */
export function useGatewayForProcess(gateway: ConnectGateway | undefined): void {
  g.__outboundGatewayOverride = gateway;
}

export async function getGateway(): Promise<ConnectGateway> {
  if (g.__outboundGatewayOverride) return g.__outboundGatewayOverride;
  const rt = await getRuntime();
  const e = rt.env;
  const endpoint = e.CONNECT_MODE === "local" ? rt.connectEndpoint : undefined;
  if (e.CONNECT_MODE === "local" && !endpoint) throw new UserFacingError("unavailable", "The local Connect simulator is not running");
  const key = `${e.CONNECT_MODE}|${endpoint}|${e.region}`;
  if (g.__outboundGateway?.key !== key) {
    g.__outboundGateway = { key, gateway: createConnectGateway({ mode: e.CONNECT_MODE, endpoint, region: e.region, requestTimeoutMs: 15_000 }) };
  }
  return g.__outboundGateway.gateway;
}

/** Runs a gateway call for a page or route; Connect's own error name, message and request id reach the user. */
export async function viaConnect<T>(call: (gateway: ConnectGateway) => Promise<T>): Promise<T> {
  const gateway = await getGateway();
  try {
    return await call(gateway);
  } catch (err) {
    const c = classifyConnectError(err);
    const rid = c.requestId ? ` (AWS request id ${c.requestId})` : "";
    const code = c.name === "ResourceNotFoundException" ? "not_found" : c.kind === "throttled" ? "rate_limited" : "unavailable";
    throw new UserFacingError(code, `Amazon Connect answered ${c.name}: ${c.message}${rid}`);
  }
}
