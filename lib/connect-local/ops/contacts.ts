// DescribeContact and StopContact.
import { ApiError, resourceNotFound } from "../api-error";
import { DISCONNECT_REASON, contactEnd } from "../contact";
import { epochSeconds, requireInstance, type OperationHandler } from "../context";
import { Validator } from "../validator";

const v: Validator = new Validator("InvalidRequestException");

export const describeContact: OperationHandler = (ctx, { params }) => {
  const [instanceId = "", contactId = ""] = params;
  v.length("InstanceId", instanceId, { min: 1, max: 100 });
  v.length("ContactId", contactId, { min: 1, max: 256 });
  const instance = requireInstance(ctx, instanceId);
  const contact = ctx.store.contacts.get(contactId);
  if (!contact || contact.instanceId !== instance.id) throw resourceNotFound(`Contact ${contactId} not found in instance ${instance.id}`);

  const end = contactEnd(contact, ctx.clock.nowMs());
  return {
    Contact: {
      Arn: contact.arn,
      Id: contact.id,
      RelatedContactId: contact.relatedContactId,
      InitiationMethod: contact.initiationMethod,
      Channel: "CHAT",
      InitiationTimestamp: epochSeconds(contact.initiatedAtMs),
      ConnectedToSystemTimestamp: epochSeconds(contact.initiatedAtMs),
      LastUpdateTimestamp: epochSeconds(Math.max(contact.lastUpdatedAtMs, end?.atMs ?? 0)),
      DisconnectTimestamp: end ? epochSeconds(end.atMs) : undefined,
      DisconnectReason: end?.reason,
      SegmentAttributes: contact.segmentAttributes,
      Attributes: contact.attributes,
      CustomerEndpoint: { Type: "TELEPHONE_NUMBER", Address: contact.customerAddress, DisplayName: contact.customerDisplayName },
      SystemEndpoint: { Type: "TELEPHONE_NUMBER", Address: contact.systemAddress },
    },
  };
};

export const stopContact: OperationHandler = (ctx, { body }) => {
  const input = v.body(body);
  const contactId = v.string(input, "ContactId", "", { required: true, min: 1, max: 256 });
  const instanceId = v.string(input, "InstanceId", "", { required: true, min: 1, max: 100 });
  const reason = v.object(input, "DisconnectReason", "");
  const code = reason ? v.string(reason, "Code", "DisconnectReason", { min: 1, max: 128 }) : undefined;
  const instance = requireInstance(ctx, instanceId);
  const contact = ctx.store.contacts.get(contactId);
  if (!contact || contact.instanceId !== instance.id) {
    throw new ApiError("ContactNotFoundException", 410, `Contact ${contactId} does not exist in instance ${instance.id}`);
  }
  // Chats can be stopped in any state; stopping one that already ended (stopped, disconnected or expired)
  // succeeds and changes nothing, so a caller retrying a stop after a lost response is not told it failed.
  const now = ctx.clock.nowMs();
  if (!contactEnd(contact, now)) {
    ctx.store.commit({ t: "end", end: { contactId: contact.id, atMs: now, reason: code ?? DISCONNECT_REASON.stopped } });
    ctx.streaming.flush(contact.id);
  }
  return {};
};
