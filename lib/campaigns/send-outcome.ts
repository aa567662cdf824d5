// Whether a failed send may still have started a chat. Pure: the recipients table and Retry failed read the same rule.

/**
 * Last errors that are Connect's answer refusing the call, so that attempt started no chat. An earlier attempt of the
 * same row could not have either: the request is frozen and a row's attempts come a minute or so apart (backoff), so
 * had an earlier one started a contact, this one would have got it back instead of an error. Deliberately a list of names:
 * anything else (InternalServiceException, a timeout, a dropped connection, a name never seen before) is an unknown
 * outcome.
 */
export const REFUSED_BY_CONNECT: readonly string[] = [
  "InvalidRequestException",
  "InvalidParameterException",
  "ValidationException",
  "ConflictException",
  "ContactNotFoundException",
  "ResourceNotFoundException",
  "AccessDeniedException",
  "ServiceQuotaExceededException",
  "InvalidActiveRegionException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "InvalidClientTokenId",
  "MissingAuthenticationToken",
  "ExpiredTokenException",
  "ExpiredToken",
  "ThrottlingException",
  "TooManyRequestsException",
  "LimitExceededException",
  // Never sent: the ledger row had no number to send to.
  "MissingPhoneNumber",
];

/**
 * A failed row whose last attempt ended without Connect's refusal (a dropped connection, a timeout, a 5xx): Connect may
 * have started the chat and the answer was lost. Retry failed asks again with the same ClientToken and, within the
 * token window, gets that chat back instead of starting another.
 */
export function outcomeUnknown(row: { sendStatus: string | null; lastErrorName: string | null }): boolean {
  return row.sendStatus === "failed" && row.lastErrorName !== null && !REFUSED_BY_CONNECT.includes(row.lastErrorName);
}
