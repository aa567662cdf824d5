// Which channels a source number can send on. Connect's ListPhoneNumbersV2 carries no channel field, so the console
// reads what the number's owner wrote in its description (and, when Connect returns it, the End User Messaging ARN:
// WhatsApp numbers live in AWS End User Messaging Social, "social-messaging"). A number nobody described is assumed to be
// SMS-capable, the common case; the campaign's preflight and Connect itself still have the final word.
import type { ChatChannel, PhoneNumber } from "@/lib/connect/types";

export interface NumberChannels {
  sms: boolean;
  whatsapp: boolean;
}

export function numberChannels(number: Pick<PhoneNumber, "description" | "sourcePhoneNumberArn">): NumberChannels {
  const text = number.description ?? "";
  const mentionsWhatsapp = /whats\s*app/i.test(text) || /:social-messaging:/.test(number.sourcePhoneNumberArn ?? "");
  const mentionsSms = /\bsms\b/i.test(text);
  const smsOnly = /\bsms[\s-]*only\b/i.test(text);
  const whatsappOnly = /whats\s*app[\s-]*only\b/i.test(text);
  return {
    // "US toll-free, SMS and WhatsApp" → both; "Germany WhatsApp Business number" → WhatsApp only.
    sms: !whatsappOnly && (mentionsSms || !mentionsWhatsapp),
    whatsapp: mentionsWhatsapp && !smsOnly,
  };
}

export function numbersForChannel<T extends Pick<PhoneNumber, "description" | "sourcePhoneNumberArn">>(numbers: readonly T[], channel: ChatChannel): T[] {
  return numbers.filter((n) => numberChannels(n)[channel]);
}
