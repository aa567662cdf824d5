// What launch asks for beyond one click, from the check's summary: the launch dialog asks it of the user, and the
// launch action refuses without it. Plain data: safe for the browser.
import { invalidShare } from "./invalid-reasons";
import type { LaunchConfirmRules, PreflightSummary } from "./preflight-summary";

/** The defaults, for summaries stored before the rules travelled with them. */
const DEFAULT_RULES: LaunchConfirmRules = { invalidShareAbove: 0.1, typeCountFrom: 1000 };

export function launchNeeds(summary: Pick<PreflightSummary, "counts" | "total" | "launchConfirm">): { confirmInvalid: boolean; typeCount: boolean } {
  const rules = summary.launchConfirm ?? DEFAULT_RULES;
  return {
    confirmInvalid: invalidShare(summary.counts, summary.total) > rules.invalidShareAbove,
    typeCount: summary.counts.valid >= rules.typeCountFrom,
  };
}
