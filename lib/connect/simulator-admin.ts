import "server-only";
// Reads and changes the local simulator's quotas and faults through its /_local/ API.
import { defineAction } from "@/lib/actions/safe-action";
import { changedFields, recordAudit } from "@/lib/audit/record";
import { UserFacingError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/current";
import { EDITABLE_FAULTS, simulatorSettingsSchema, type SimulatorSettings } from "./simulator-settings";

interface SimulatorConfig {
  rate: number;
  burst: number;
  maxActiveChats: number;
  latencyMs: number;
  clockSpeed: number;
  faults: Partial<Record<string, number>>;
}

async function simulatorUrl(): Promise<string> {
  const rt = await getRuntime();
  if (rt.env.CONNECT_MODE !== "local" || !rt.connectEndpoint) {
    throw new UserFacingError("conflict", "Simulator settings exist only in local mode (CONNECT_MODE=local)");
  }
  return rt.connectEndpoint;
}

async function call(path: string, init?: RequestInit): Promise<SimulatorConfig> {
  const res = await fetch(`${await simulatorUrl()}${path}`, { ...init, signal: AbortSignal.timeout(5_000) });
  const body = (await res.json().catch(() => ({}))) as SimulatorConfig & { Message?: string };
  if (!res.ok) throw new UserFacingError("unavailable", `The simulator refused the change: ${body.Message ?? res.statusText}`);
  return body;
}

export function toSettings(c: SimulatorConfig): SimulatorSettings {
  const faults = Object.fromEntries(EDITABLE_FAULTS.map((f) => [f, Math.round((c.faults[f] ?? 0) * 10_000) / 100])) as SimulatorSettings["faults"];
  return { rate: c.rate, burst: c.burst, maxActiveChats: c.maxActiveChats, latencyMs: c.latencyMs, clockSpeed: c.clockSpeed, faults };
}

export async function readSimulatorSettings(): Promise<SimulatorSettings> {
  return toSettings(await call("/_local/config"));
}

export const updateSimulatorSettings = defineAction({
  name: "simulator.updateSettings",
  access: "admin",
  input: simulatorSettingsSchema,
  handler: async (input, { db, actor }) => {
    const current = await call("/_local/config");
    const before = toSettings(current);
    // Fault names the form does not show keep their current rate.
    const faults: Record<string, number> = { ...(current.faults as Record<string, number>) };
    for (const f of EDITABLE_FAULTS) {
      if (input.faults[f] > 0) faults[f] = input.faults[f] / 100;
      else delete faults[f];
    }
    const { faults: _omit, ...quotas } = input;
    const after = toSettings(
      await call("/_local/config", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...quotas, faults }) }),
    );
    // The simulator is not in the console's database, so this entry follows the change rather than sharing its transaction.
    await recordAudit(db, actor, { action: "simulator.settings_changed", targetType: "simulator", targetId: "local", diff: changedFields(before, after) });
    return after;
  },
});
