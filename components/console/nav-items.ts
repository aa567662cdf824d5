import { ClipboardList, Megaphone, MessageSquare, Settings, ShieldBan, Users } from "lucide-react";

export const NAV_ITEMS = [
  { href: "/campaigns", label: "Campaigns", icon: Megaphone },
  { href: "/contacts", label: "Contacts", icon: Users },
  { href: "/events", label: "Chat events", icon: MessageSquare },
  { href: "/suppression", label: "Suppression list", icon: ShieldBan },
  { href: "/audit", label: "Audit log", icon: ClipboardList },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;
