// Who did something, and from where: carried from the request into every audit entry.
export interface AuditActor {
  actorId: string | null;
  actorEmail: string;
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { actorId: null, actorEmail: "system" };
