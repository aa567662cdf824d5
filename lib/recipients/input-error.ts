// The one error the recipients pipeline throws on purpose: its message is written for the person who uploaded the list.
import { UserFacingError } from "@/lib/errors";

export class RecipientsInputError extends UserFacingError {
  constructor(
    message: string,
    /** 1-based line of the source the problem is on, when there is one. */
    readonly line?: number,
    fields?: Record<string, string>,
  ) {
    super("invalid", message, fields);
    this.name = "RecipientsInputError";
  }
}
