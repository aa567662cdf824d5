// The simulator knobs an admin may change from Settings, as a form: fault rates in percent. Pure: shared by form and action.
import { z } from "zod";
import { EDITABLE_FAULTS, type EditableFault } from "./simulator-faults";

export * from "./simulator-faults";

const percent = z.coerce.number({ error: "Enter a percentage" }).min(0, "Use 0 to 100").max(100, "Use 0 to 100");

export const simulatorSettingsSchema = z
  .object({
    rate: z.coerce.number({ error: "Enter a number" }).positive("Must be above 0").max(100_000, "At most 100,000"),
    burst: z.coerce.number({ error: "Enter a number" }).int("Use a whole number").min(1, "At least 1").max(100_000, "At most 100,000"),
    maxActiveChats: z.coerce.number({ error: "Enter a number" }).int("Use a whole number").min(0, "At least 0").max(1_000_000, "At most 1,000,000"),
    latencyMs: z.coerce.number({ error: "Enter a number" }).int("Use whole milliseconds").min(0, "At least 0").max(120_000, "At most 120,000 ms"),
    clockSpeed: z.coerce.number({ error: "Enter a number" }).positive("Must be above 0").max(10_000_000, "At most 10,000,000"),
    faults: z.object(Object.fromEntries(EDITABLE_FAULTS.map((f) => [f, percent])) as Record<EditableFault, typeof percent>),
  })
  .refine((v) => Object.values(v.faults).reduce((a, b) => a + b, 0) <= 100, { path: ["faults"], message: "Fault rates add up to more than 100%" });

export type SimulatorSettingsInput = z.input<typeof simulatorSettingsSchema>;
export type SimulatorSettings = z.output<typeof simulatorSettingsSchema>;
