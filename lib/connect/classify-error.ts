// Sorts a failed Connect call into what the dispatcher should do next: wait, slow down, retry, skip the recipient or stop.
import type { ConnectErrorInfo, ConnectErrorKind } from "./types";

const THROTTLED = new Set([
  "ThrottlingException",
  "TooManyRequestsException",
  "Throttling",
  "ThrottledException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
]);
const CONCURRENCY_LIMITED = new Set(["LimitExceededException"]);
const TRANSIENT = new Set([
  "InternalServiceException",
  "InternalServerException",
  "InternalFailure",
  "InternalError",
  "ServiceUnavailable",
  "ServiceUnavailableException",
  "RequestTimeout",
  "RequestTimeoutException",
  "TimeoutError",
  "AbortError",
]);
// Failures that will hit every recipient alike: configuration, permissions, credentials.
const SYSTEMIC = new Set([
  "AccessDeniedException",
  "ResourceNotFoundException",
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "InvalidClientTokenId",
  "MissingAuthenticationToken",
  "ExpiredTokenException",
  "ExpiredToken",
  "CredentialsProviderError",
  "TokenProviderError",
  "InvalidActiveRegionException",
  "ServiceQuotaExceededException",
]);
// The request itself is wrong for this recipient (bad number, attributes, duplicate); others may still go through.
const PERMANENT = new Set(["InvalidRequestException", "InvalidParameterException", "ValidationException", "ConflictException", "ContactNotFoundException"]);
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EAI_AGAIN",
  "ENOTFOUND",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
}

export function classifyConnectError(err: unknown): ConnectErrorInfo {
  const error = (typeof err === "object" && err !== null ? err : { message: String(err) }) as ErrorLike;
  const name = typeof error.name === "string" && error.name ? error.name : "Error";
  const message = typeof error.message === "string" && error.message ? error.message : name;
  const httpStatus = error.$metadata?.httpStatusCode ?? error.$response?.statusCode;
  const headers = error.$response?.headers ?? {};
  const requestId = error.$metadata?.requestId ?? headers["x-amzn-requestid"] ?? headers["x-amzn-request-id"] ?? headers["x-amz-request-id"];
  const code = typeof error.code === "string" ? error.code : undefined;
  return { kind: kindOf(name, code, message, httpStatus), name, message, requestId, httpStatus };
}

function kindOf(name: string, code: string | undefined, message: string, httpStatus: number | undefined): ConnectErrorKind {
  if (THROTTLED.has(name)) return "throttled";
  if (CONCURRENCY_LIMITED.has(name)) return "concurrency-limited";
  if (TRANSIENT.has(name)) return "transient";
  if (SYSTEMIC.has(name)) return "systemic";
  if (PERMANENT.has(name)) return "permanent-for-this-recipient";
  if ((code && NETWORK_CODES.has(code)) || /socket hang up|ECONNRESET|ECONNREFUSED/i.test(message)) return "transient";
  if (httpStatus !== undefined) {
    if (httpStatus === 429) return "throttled";
    if (httpStatus >= 500) return "transient";
    if (httpStatus === 401 || httpStatus === 403) return "systemic";
    if (httpStatus >= 400) return "permanent-for-this-recipient";
  }
  // No status and no known name: most likely a bug or a broken setup, which every recipient would hit alike.
  return "systemic";
}
