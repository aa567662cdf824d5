// Settings an admin changes at run time. Pure: shared by the form and the action.
import { z } from "zod";

export const sendRateSchema = z.object({
  accountSendsPerSecond: z.coerce.number({ error: "Enter sends per second" }).positive("Must be above 0").max(10_000, "At most 10,000"),
});
export type SendRateInput = z.input<typeof sendRateSchema>;
