import "server-only";
// Managing inbound integrations (admins only). Each change and its audit entry commit together; a signing secret is
// returned only by the call that created it.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { defineAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record";
import { numberChannels } from "@/lib/connect/number-channels";
import { viaConnect } from "@/lib/connect/runtime-gateway";
import { inboundIntegrations } from "@/lib/db/schema";
import { UserFacingError } from "@/lib/errors";
import { findIntegration, publicIntegration, queuedCount } from "./queries";
import { createIntegrationSchema, deleteIntegrationSchema, rotateSecretSchema, setIntegrationEnabledSchema } from "./schemas";
import { encryptSecret, newSigningSecret } from "./secret";
import { integrationSecretKey } from "./secret-key";

const CHANNEL_NAME = { sms: "SMS", whatsapp: "WhatsApp" } as const;

function invalid(field: string, message: string): never {
  throw new UserFacingError("invalid", "Some fields need attention", { [field]: message });
}

export const createIntegration = defineAction({
  name: "inbound.createIntegration",
  access: "admin",
  input: createIntegrationSchema,
  handler: async (input, { db, actor }) => {
    const numbers = await viaConnect((g) => g.listPhoneNumbers(input.instanceId));
    const number = numbers.find((n) => n.arn === input.phoneNumberArn);
    if (!number) invalid("phoneNumberArn", "This number is not claimed by the chosen instance");
    if (!number.sourcePhoneNumberArn) {
      invalid(
        "phoneNumberArn",
        `Amazon Connect reports no AWS End User Messaging number for ${number.phoneNumber}, so it cannot receive inbound messages. Link it to End User Messaging first.`,
      );
    }
    if (!numberChannels(number)[input.channel]) {
      invalid(
        "phoneNumberArn",
        `${number.phoneNumber} is not described as ${CHANNEL_NAME[input.channel]}-capable${number.description ? ` (“${number.description}”)` : ""}`,
      );
    }
    const key = await integrationSecretKey();
    const id = randomUUID();
    const { secret, prefix } = newSigningSecret();
    return db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: inboundIntegrations.id })
        .from(inboundIntegrations)
        .where(sql`lower(${inboundIntegrations.name}) = lower(${input.name})`);
      if (taken) throw new UserFacingError("conflict", "Some fields need attention", { name: "Another integration already has this name" });
      const [row] = await tx
        .insert(inboundIntegrations)
        .values({
          id,
          name: input.name,
          channel: input.channel,
          instanceId: input.instanceId,
          phoneNumberArn: number.arn,
          phoneNumber: number.phoneNumber,
          destinationArn: number.sourcePhoneNumberArn!,
          secretCiphertext: encryptSecret(key, id, secret),
          secretPrefix: prefix,
          createdBy: actor.actorEmail,
        })
        .returning();
      const view = publicIntegration(row!);
      await recordAudit(tx, actor, { action: "inbound_integration.created", targetType: "inbound_integration", targetId: id, diff: { after: view } });
      // The only time the secret leaves the server, with the rotation below.
      return { integration: view, secret };
    });
  },
});

export const setIntegrationEnabled = defineAction({
  name: "inbound.setIntegrationEnabled",
  access: "admin",
  input: setIntegrationEnabledSchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const row = await findIntegration(tx, input.integrationId);
      if (!row) throw new UserFacingError("not_found", "This integration no longer exists");
      if (Boolean(row.disabledAt) === !input.enabled) return publicIntegration(row);
      const [after] = await tx
        .update(inboundIntegrations)
        .set({ disabledAt: input.enabled ? null : new Date() })
        .where(eq(inboundIntegrations.id, row.id))
        .returning();
      await recordAudit(tx, actor, {
        action: input.enabled ? "inbound_integration.enabled" : "inbound_integration.disabled",
        targetType: "inbound_integration",
        targetId: row.id,
        diff: { name: row.name, disabledAt: { from: row.disabledAt?.toISOString() ?? null, to: after!.disabledAt?.toISOString() ?? null } },
      });
      return publicIntegration(after!);
    }),
});

export const rotateIntegrationSecret = defineAction({
  name: "inbound.rotateSecret",
  access: "admin",
  input: rotateSecretSchema,
  handler: async (input, { db, actor }) => {
    const key = await integrationSecretKey();
    const { secret, prefix } = newSigningSecret();
    return db.transaction(async (tx) => {
      const row = await findIntegration(tx, input.integrationId);
      if (!row) throw new UserFacingError("not_found", "This integration no longer exists");
      const [after] = await tx
        .update(inboundIntegrations)
        .set({ secretCiphertext: encryptSecret(key, row.id, secret), secretPrefix: prefix })
        .where(eq(inboundIntegrations.id, row.id))
        .returning();
      await recordAudit(tx, actor, {
        action: "inbound_integration.secret_rotated",
        targetType: "inbound_integration",
        targetId: row.id,
        diff: { name: row.name, secretPrefix: { from: row.secretPrefix, to: prefix } },
      });
      return { integration: publicIntegration(after!), secret };
    });
  },
});

export const deleteIntegration = defineAction({
  name: "inbound.deleteIntegration",
  access: "admin",
  input: deleteIntegrationSchema,
  handler: async (input, { db, actor }) =>
    db.transaction(async (tx) => {
      const row = await findIntegration(tx, input.integrationId);
      if (!row) throw new UserFacingError("not_found", "This integration no longer exists");
      // Deleting the integration deletes its messages; customers' messages not yet in Connect would be lost.
      const queued = await queuedCount(tx, row.id);
      if (queued > 0 && !input.dropQueued) {
        throw new UserFacingError(
          "conflict",
          `${queued} message${queued === 1 ? " is" : "s are"} still waiting to reach Amazon Connect. Disable the integration and let them go through, or delete it anyway and drop them.`,
        );
      }
      await tx.delete(inboundIntegrations).where(and(eq(inboundIntegrations.id, row.id)));
      await recordAudit(tx, actor, {
        action: "inbound_integration.deleted",
        targetType: "inbound_integration",
        targetId: row.id,
        diff: { before: publicIntegration(row), droppedQueued: queued },
      });
      return { id: row.id, droppedQueued: queued };
    }),
});
