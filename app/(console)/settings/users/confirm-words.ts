// What a change on the Users page does, in the words its confirmation shows. Pure, so the wording is tested.
import { hasRole, ROLE_LABEL, type Role } from "@/lib/auth/roles";

export interface ConfirmWords {
  title: string;
  body: string;
  confirmLabel: string;
}

const ARTICLE: Record<Role, string> = { admin: "an admin", supervisor: "a supervisor", viewer: "a viewer" };

const GAINS: Record<Role, string> = {
  admin: "manage users, settings and API keys, approve other people's launches, and compose and run campaigns",
  supervisor: "compose, launch, pause and cancel campaigns and send chat events",
  viewer: "read campaigns, contacts and the audit log",
};

const ONLY_READS = "From their next click they can only read campaigns, contacts and the audit log";

function losses(from: Role, to: Role, canApprove: boolean): string {
  if (to === "viewer") {
    return from === "admin"
      ? `${ONLY_READS}: no more managing users, settings or API keys, nor composing and running campaigns.`
      : `${ONLY_READS}: no more composing, launching or cancelling campaigns, nor sending chat events.`;
  }
  const approving = canApprove ? "" : ", or approve other people's launches";
  return `From their next click they can no longer manage users, settings or API keys${approving}. They keep composing and running campaigns.`;
}

/** Role changes take effect on the person's next request: the role is read from the database every time. */
export function roleChangeWords(u: { email: string; role: Role; canApprove: boolean }, to: Role): ConfirmWords {
  const title = `Make ${u.email} ${ARTICLE[to]}?`;
  const confirmLabel = `Make ${ROLE_LABEL[to].toLowerCase()}`;
  if (hasRole(to, u.role)) return { title, confirmLabel, body: `From their next click they will be able to ${GAINS[to]}.` };
  return { title, confirmLabel, body: `${losses(u.role, to, u.canApprove)} API keys they created with a role above ${ROLE_LABEL[to]} stop working.` };
}

export function disableWords(u: { email: string; disabled: boolean; mustChangePassword: boolean; role: Role }): ConfirmWords {
  if (!u.disabled) {
    return {
      title: `Disable ${u.email}?`,
      confirmLabel: "Disable user",
      body:
        "They are signed out everywhere at once and cannot sign in until enabled again; API keys they created stop working too. " +
        "Campaigns they launched carry on.",
    };
  }
  const password = u.mustChangePassword ? "the temporary password they were given, which they must then replace" : "their current password";
  return {
    title: `Enable ${u.email}?`,
    confirmLabel: "Enable user",
    body: `They can sign in again with ${password}, as ${ARTICLE[u.role]}; API keys they created work again unless revoked or expired.`,
  };
}

export function approverWords(u: { email: string; canApprove: boolean }): ConfirmWords {
  if (!u.canApprove) {
    return {
      title: `Let ${u.email} approve launches?`,
      confirmLabel: "Allow approving",
      body: "They will be able to approve campaigns other people submit for approval, so those campaigns can be launched. Nobody approves their own.",
    };
  }
  return {
    title: `Stop ${u.email} approving launches?`,
    confirmLabel: "Stop approving",
    body: "They can no longer approve other people's launches. Approvals they already gave still count.",
  };
}

export function resetPasswordWords(email: string): ConfirmWords {
  return {
    title: `Reset the password of ${email}?`,
    confirmLabel: "Reset password",
    body:
      "Their current password stops working and every session they have ends now. The console generates a temporary password for you to hand " +
      "over; they must replace it at their next sign-in.",
  };
}

/** The toast once a change is stored, and the one after its Undo (a change of its own, audited as such). */
export function changedWords(email: string, change: { role: Role } | { disabled: boolean }, undone = false): string {
  if ("role" in change) return undone ? `${email} is ${ARTICLE[change.role]} again` : `${email} is now ${ARTICLE[change.role]}`;
  if (change.disabled) return undone ? `${email} is disabled again` : `Disabled ${email}`;
  // Disabling ended their sessions; enabling does not bring them back.
  return undone ? `${email} is enabled again and must sign in anew` : `Enabled ${email}`;
}
