import "server-only";
// The automation API may name the Connect number by its phone number; chatEvents.send takes its id or ARN.
import { viaConnect } from "@/lib/connect/runtime-gateway";
import { UserFacingError } from "@/lib/errors";
import type { ApiChatEvent } from "./api-schema";
import type { SendChatEventInput } from "./schemas";

/** chatEvents.send's input for an API body, asking Connect for the instance's numbers when the number was given by phone. */
export async function actionInputFor({ destination, event }: ApiChatEvent): Promise<SendChatEventInput> {
  if (destination.by === "id") return { ...event, phoneNumberId: destination.phoneNumberId };
  const numbers = await viaConnect((g) => g.listPhoneNumbers(event.instanceId));
  const number = numbers.find((n) => n.phoneNumber === destination.phoneNumber);
  if (!number) {
    const message = `${destination.phoneNumber} is not a number of Connect instance ${event.instanceId}; give one of the numbers it has claimed (GET /api/v1/instances/${event.instanceId}/numbers lists them)`;
    throw new UserFacingError("invalid", message, { destinationPhoneNumber: message });
  }
  return { ...event, phoneNumberId: number.id };
}
