// Which chat channels a number can serve. ListPhoneNumbersV2 has no such field, so the number's description
// decides: numbers described as WhatsApp serve WhatsApp, and serve SMS too unless described as WhatsApp only.
import type { ChatChannel, PhoneNumber } from "./types";

export function numberChannels(n: Pick<PhoneNumber, "description">): ChatChannel[] {
  const d = n.description ?? "";
  if (!/whats\s*app/i.test(d)) return ["sms"];
  if (/whats\s*app\s*(business\s*)?(number\s*)?only|only\s*whats\s*app/i.test(d) || !/sms/i.test(d)) return ["whatsapp"];
  return ["sms", "whatsapp"];
}
