// The settings pages: what the settings navigation lists for a role and Connect mode, which entry a path belongs to,
// and the line that tells someone who may read a page but not change it why there is nothing to save. Pure: the
// navigation (a client component), the pages and the tests share it.
import type { Metadata } from "next";
import { hasRole, type Role } from "@/lib/auth/roles";

export type ConnectMode = "local" | "aws";

export type SettingsSectionId =
  "overview" | "sending" | "send-window" | "frequency-caps" | "approval" | "chat-streaming" | "opt-out" | "simulator" | "users" | "api-keys" | "integrations";

export interface SettingsSection {
  id: SettingsSectionId;
  href: string;
  /** In the navigation. */
  label: string;
  /** The page's heading and, with " · Settings", its title. */
  title: string;
  /** What the section holds, as the overview lists it. */
  summary: string;
  /** The least role that sees the page at all. */
  readBy: Role;
  /** Sections everyone reads but only admins change: the line shown to everyone else. */
  readOnlyNote?: string;
  /** Only where the built-in Connect simulator runs. */
  localOnly?: boolean;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  {
    id: "overview",
    href: "/settings",
    label: "Overview",
    title: "Settings",
    summary: "How this console reaches Amazon Connect: mode, Region, instances, numbers and flows.",
    readBy: "viewer",
  },
  {
    id: "sending",
    href: "/settings/sending",
    label: "Sending",
    title: "Sending",
    summary: "The account's send rate, each source number's messages per second and the WhatsApp daily limit.",
    readBy: "viewer",
    readOnlyNote: "Only admins can change sending settings.",
  },
  {
    id: "send-window",
    href: "/settings/send-window",
    label: "Send window",
    title: "Send window",
    summary: "The hours, in each recipient's own time zone, that campaigns keep to unless they choose their own.",
    readBy: "viewer",
    readOnlyNote: "Only admins can change the send window.",
  },
  {
    id: "frequency-caps",
    href: "/settings/frequency-caps",
    label: "Frequency caps",
    title: "Frequency caps",
    summary: "How often one number may be contacted across campaigns.",
    readBy: "viewer",
    readOnlyNote: "Only admins can change frequency caps.",
  },
  {
    id: "approval",
    href: "/settings/approval",
    label: "Approval",
    title: "Two-person approval",
    summary: "Which launches wait for a second person's approval.",
    readBy: "viewer",
    readOnlyNote: "Only admins can change the approval rule.",
  },
  {
    id: "chat-streaming",
    href: "/settings/chat-streaming",
    label: "Chat streaming",
    title: "Chat streaming",
    summary: "The SNS topic each instance's chats stream to, for delivered and read receipts, replies and chat ends.",
    readBy: "viewer",
    readOnlyNote: "Only admins can change chat streaming.",
  },
  {
    id: "opt-out",
    href: "/settings/opt-out",
    label: "Opt-out keywords",
    title: "Opt-out keywords",
    summary: "The words that put a number on the suppression list, or take it off.",
    readBy: "viewer",
    readOnlyNote: "Only admins can change opt-out keywords.",
  },
  {
    id: "simulator",
    href: "/settings/simulator",
    label: "Simulator",
    title: "Local simulator",
    summary: "Quotas and injected faults of the built-in Connect, for trying out throttling and failures.",
    readBy: "admin",
    localOnly: true,
  },
  {
    id: "users",
    href: "/settings/users",
    label: "Users",
    title: "Users",
    summary: "Add people, change their roles and who may approve, disable accounts, reset passwords.",
    readBy: "admin",
  },
  {
    id: "api-keys",
    href: "/settings/api-keys",
    label: "API keys",
    title: "API keys",
    summary: "Create and revoke keys for automation through /api/v1.",
    readBy: "admin",
  },
  {
    id: "integrations",
    href: "/settings/integrations",
    label: "Integrations",
    title: "Inbound integrations",
    summary: "Let a messaging provider post customers' messages into Amazon Connect chats, signed and in order.",
    readBy: "admin",
  },
];

const BY_ID = new Map(SETTINGS_SECTIONS.map((s) => [s.id, s]));

export function settingsSection(id: SettingsSectionId): SettingsSection {
  return BY_ID.get(id)!;
}

/** The sections someone with `role` may open where Connect runs in `mode`, in navigation order. */
export function settingsSectionsFor(role: Role, mode: ConnectMode): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => hasRole(role, s.readBy) && (!s.localOnly || mode === "local"));
}

/** The section a path is in: the overview only on /settings itself, the others on their own path and below it. */
export function sectionAt(pathname: string, sections: readonly SettingsSection[]): SettingsSection | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return sections.find((s) => (s.id === "overview" ? path === s.href : path === s.href || path.startsWith(`${s.href}/`)));
}

/** Why someone sees a section's values but no way to save them; null for admins and for sections with no such rule. */
export function readOnlyNote(id: SettingsSectionId, role: Role): string | null {
  const note = settingsSection(id).readOnlyNote;
  return note && !hasRole(role, "admin") ? note : null;
}

export function settingsMetadata(id: SettingsSectionId): Metadata {
  const { title } = settingsSection(id);
  return { title: id === "overview" ? title : `${title} · Settings` };
}
