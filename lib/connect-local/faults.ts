import { FAULT_STATUS, type FaultName, type FaultProbabilities } from "./config";

/** One draw over the whole table, so probabilities add up rather than compound. */
export function pickFault(faults: FaultProbabilities, random: () => number = Math.random): FaultName | undefined {
  let draw = random();
  for (const [name, probability] of Object.entries(faults) as [FaultName, number | undefined][]) {
    if (!probability) continue;
    if (draw < probability) return name;
    draw -= probability;
  }
  return undefined;
}

export function faultMessage(name: FaultName): string {
  return `Injected fault ${name} (HTTP ${FAULT_STATUS[name]}); nothing was processed`;
}
