import "server-only";
// The guardrails a campaign keeps to, in words for its page. A campaign that follows the Settings defaults follows
// them as they are at send time, so the words say so and show today's values.
import type { Db } from "@/lib/db/types";
import { readFrequencyCaps } from "@/lib/settings/frequency-caps";
import { ruleWords, type FrequencyCapRule } from "@/lib/settings/frequency-caps-schema";
import { readSendWindowSetting } from "@/lib/settings/send-window";
import { sendWindowWords } from "@/lib/settings/send-window-schema";
import type { CampaignConfig } from "./schemas";

export interface GuardrailWords {
  sendWindow: string;
  frequencyCaps: string;
}

const rulesWords = (rules: readonly FrequencyCapRule[]) =>
  rules.map((r) => `${ruleWords(r)} (${r.whenCapped === "wait" ? "then wait" : "then skip"})`).join(", ");

export function sendWindowLine(config: Pick<CampaignConfig, "sendWindow">, settingWindow: Parameters<typeof sendWindowWords>[0]): string {
  const choice = config.sendWindow;
  if (choice === "none") return "None: any time (service notice)";
  if (choice === undefined || choice === "default")
    return settingWindow ? `Settings default, now ${sendWindowWords(settingWindow)}` : "Settings default, now none: any time";
  return `Own: ${sendWindowWords(choice)}`;
}

export function frequencyCapLine(config: Pick<CampaignConfig, "frequencyCap" | "frequencyCapRules">, settingRules: readonly FrequencyCapRule[]): string {
  if (config.frequencyCap === "exempt") return "Exempt (service notice)";
  const own = config.frequencyCapRules ?? [];
  const parts = [settingRules.length > 0 ? `Settings, now ${rulesWords(settingRules)}` : "Settings, now none"];
  if (own.length > 0) parts.push(`and its own: ${rulesWords(own)}`);
  return parts.join(" ");
}

export async function guardrailWords(db: Db, config: CampaignConfig): Promise<GuardrailWords> {
  const [window, caps] = await Promise.all([readSendWindowSetting(db), readFrequencyCaps(db)]);
  return { sendWindow: sendWindowLine(config, window.window), frequencyCaps: frequencyCapLine(config, caps.rules) };
}
