// A frequency cap rule's limits and its words. Without zod, so the Settings form can use them without loading the
// schema (frequency-caps-schema.ts) with the page.

/** The longest window a rule may count over: contacts older than this are never looked at. */
export const MAX_WINDOW_HOURS = 24 * 90;
export const MAX_RULES = 10;

function windowWords(hours: number): string {
  if (hours === 24) return "per day";
  if (hours % 24 === 0) return `per ${hours / 24} days`;
  return hours === 1 ? "per hour" : `per ${hours} hours`;
}

/** "at most 1 per day" */
export function ruleWords(rule: { count: number; windowHours: number }): string {
  return `at most ${rule.count} ${windowWords(rule.windowHours)}`;
}
