import "server-only";
// Ending a chat from the console: StopContact in Connect, then the contact recorded as ended, audited with it.
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { connectErrorText } from "@/lib/connect/error-message";
import { getGateway } from "@/lib/connect/runtime-gateway";
import type { ConnectErrorInfo } from "@/lib/connect/types";
import { UserFacingError } from "@/lib/errors";
import { getContact, markContactEnded } from "./queries";
import { stopContactSchema } from "./schemas";

const NOT_IN_CONNECT = "Not found in Amazon Connect";

function refusal(e: ConnectErrorInfo): UserFacingError {
  const code = e.name === "ResourceNotFoundException" ? "not_found" : e.kind === "throttled" ? "rate_limited" : "unavailable";
  return new UserFacingError(code, `The chat was not ended. ${connectErrorText(e)}`);
}

export const stopContact = defineAction({
  name: "contacts.stop",
  access: "supervisor",
  input: stopContactSchema,
  handler: async ({ contactId }, { db, actor }) => {
    const contact = await getContact(db, contactId);
    if (!contact) throw new UserFacingError("not_found", "The console has no contact with this ContactId");
    if (contact.state === "ended")
      throw new UserFacingError("conflict", `This chat has already ended${contact.disconnectReason ? ` (${contact.disconnectReason})` : ""}`);
    const target = { targetType: "contact", targetId: contact.contactId };
    // Connect is asked before any transaction opens, so no database lock waits on the network.
    const gateway = await getGateway();
    try {
      await gateway.stopContact(contact.instanceId, contact.contactId);
    } catch (err) {
      const e = classifyConnectError(err);
      if (e.name !== "ContactNotFoundException") throw refusal(e);
      // Connect no longer knows the chat, so it cannot be open: the stored state catches up with that.
      await db.transaction(async (tx) => {
        const from = await markContactEnded(tx, contact.contactId, { disconnectedAt: null, disconnectReason: NOT_IN_CONNECT });
        await recordAudit(tx, actor, {
          action: "contact.marked_ended",
          ...target,
          diff: { instanceId: contact.instanceId, state: { from, to: "ended" }, reason: `${e.name}: ${e.message}` },
        });
      });
      throw new UserFacingError(
        "not_found",
        `This chat no longer exists in Amazon Connect (${connectErrorText(e)}). It had already ended or expired; the console now shows it as ended.`,
      );
    }

    // Connect's own account of how and when it ended, when it answers; the stop happened either way.
    let disconnectedAt = new Date();
    let disconnectReason = `stopped by ${actor.actorEmail}`;
    try {
      const now = await gateway.describeContact(contact.instanceId, contact.contactId);
      disconnectedAt = now.disconnectedAt ?? disconnectedAt;
      disconnectReason = now.disconnectReason ?? disconnectReason;
    } catch {
      // Keep the console's own record of the stop.
    }
    await db.transaction(async (tx) => {
      const from = await markContactEnded(tx, contact.contactId, { disconnectedAt, disconnectReason });
      await recordAudit(tx, actor, {
        action: "contact.stopped",
        ...target,
        diff: { instanceId: contact.instanceId, state: { from, to: "ended" }, disconnectReason, disconnectedAt: disconnectedAt.toISOString() },
      });
    });
    return { contactId: contact.contactId, state: "ended" as const, disconnectedAt, disconnectReason };
  },
});
