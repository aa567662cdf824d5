// Rules shared by StartOutboundChatContact and SendChatIntegrationEvent (contract §7, §8.2, §8.3).
import type { Validator, JsonObject } from "./validator";

export const E164 = /^\+[1-9]\d{1,14}$/;
export const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;
export const ATTRIBUTES_MAX_BYTES = 32_768;
export const CHAT_CONTENT_MAX = 16_384;

export const SUPPORTED_MESSAGING_CONTENT_TYPES = [
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.amazonaws.connect.message.interactive",
  "application/vnd.amazonaws.connect.message.interactive.response",
] as const;

export const CHAT_MESSAGE_CONTENT_TYPES = [
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.amazonaws.connect.message.interactive.response",
] as const;

/** Contact attributes: key charset, per-entry lengths and the 32,768-byte total over every key and value. */
export function readAttributes(v: Validator, parent: JsonObject, key: string, prefix: string): Record<string, string> | undefined {
  const member = prefix ? `${prefix}.${key}` : key;
  const attributes = v.stringMap(parent, key, prefix);
  if (!attributes) return undefined;
  let bytes = 0;
  for (const [name, value] of Object.entries(attributes)) {
    v.length(`${member} key "${name.slice(0, 40)}"`, name, { min: 1, max: 32_767 });
    if (!ATTRIBUTE_KEY.test(name)) {
      v.fail(`${member} key "${name.slice(0, 40)}" may contain only letters, digits, "-" and "_"`);
    }
    v.length(`${member}["${name}"]`, value, { max: 32_767 });
    bytes += Buffer.byteLength(name, "utf8") + Buffer.byteLength(value, "utf8");
  }
  if (bytes > ATTRIBUTES_MAX_BYTES) {
    v.fail(`${member} total ${bytes} UTF-8 bytes over all keys and values; the limit is ${ATTRIBUTES_MAX_BYTES}`);
  }
  return attributes;
}

export function readSupportedContentTypes(v: Validator, parent: JsonObject, prefix: string): string[] | undefined {
  const member = prefix ? `${prefix}.SupportedMessagingContentTypes` : "SupportedMessagingContentTypes";
  const types = v.stringList(parent, "SupportedMessagingContentTypes", prefix, { min: 1, max: 100 });
  if (!types) return undefined;
  types.forEach((type, i) => v.oneOf(`${member}[${i}]`, type, SUPPORTED_MESSAGING_CONTENT_TYPES));
  if (!types.includes("text/plain")) v.fail(`${member} must include text/plain`);
  return types;
}

export function readParticipantDetails(v: Validator, parent: JsonObject, prefix: string): string | undefined {
  const details = v.object(parent, "ParticipantDetails", prefix);
  if (!details) return undefined;
  const path = prefix ? `${prefix}.ParticipantDetails` : "ParticipantDetails";
  return v.string(details, "DisplayName", path, { required: true, min: 1, max: 256 });
}
