import "server-only";
// Every server action definition, so one test can hold each of them to its role.
import * as users from "@/lib/accounts/actions";
import * as passwords from "@/lib/accounts/password-actions";
import * as simulator from "@/lib/connect/simulator-admin";
import * as approvals from "@/lib/campaigns/approval-actions";
import * as approvalSetting from "@/lib/settings/approval-actions";
import * as apiKeys from "@/lib/api-keys/actions";
import * as campaigns from "@/lib/campaigns/actions";
import * as chatEvents from "@/lib/chat-events/actions";
import * as contacts from "@/lib/contacts/actions";
import * as controls from "@/lib/campaigns/controls";
import * as duplicate from "@/lib/campaigns/duplicate";
import * as schedule from "@/lib/campaigns/schedule-actions";
import * as inbound from "@/lib/inbound/actions";
import * as retry from "@/lib/campaigns/retry";
import * as settingsActions from "@/lib/settings/actions";
import * as frequencyCaps from "@/lib/settings/frequency-caps-actions";
import * as sendWindow from "@/lib/settings/send-window-actions";
import * as suppression from "@/lib/suppression/actions";
import * as testSends from "@/lib/test-sends/actions";
import type { AnyActionDef } from "@/lib/actions/safe-action";

export const ALL_ACTIONS: readonly AnyActionDef[] = [
  users.setupFirstAdmin,
  users.createUser,
  users.changeUserRole,
  users.setUserDisabled,
  users.setUserCanApprove,
  passwords.changeOwnPassword,
  passwords.resetUserPassword,
  simulator.updateSimulatorSettings,
  apiKeys.createApiKey,
  apiKeys.revokeApiKey,
  campaigns.previewPreflight,
  campaigns.saveDraft,
  campaigns.deleteDraft,
  campaigns.launchCampaign,
  testSends.testSend,
  controls.pauseCampaign,
  controls.resumeCampaign,
  controls.cancelCampaign,
  retry.retryFailed,
  duplicate.duplicateCampaign,
  schedule.rescheduleCampaign,
  schedule.unscheduleCampaign,
  settingsActions.updateSendRate,
  suppression.addSuppression,
  suppression.removeSuppression,
  suppression.importSuppressions,
  contacts.stopContact,
  chatEvents.sendChatEvent,
  settingsActions.updateOptKeywords,
  settingsActions.updateSendingCapacity,
  settingsActions.updateChatStreaming,
  frequencyCaps.updateFrequencyCaps,
  sendWindow.updateSendWindow,
  approvalSetting.updateApprovalSetting,
  approvals.requestApproval,
  approvals.approveCampaign,
  approvals.rejectCampaign,
  inbound.createIntegration,
  inbound.setIntegrationEnabled,
  inbound.rotateIntegrationSecret,
  inbound.deleteIntegration,
];

export function actionNamed(name: string): AnyActionDef {
  const def = ALL_ACTIONS.find((d) => d.name === name);
  if (!def) throw new Error(`no action named ${name}`);
  return def;
}
