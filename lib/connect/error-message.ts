// One sentence for a failed Connect call, naming AWS's own error, message and request id, so a person can look it up.
import { UserFacingError } from "@/lib/errors";
import { classifyConnectError } from "./classify-error";
import type { ConnectErrorInfo } from "./types";

export function connectErrorText(e: ConnectErrorInfo): string {
  // Every answer from Connect carries an HTTP status; without one the call never got an answer (network, timeout).
  if (e.httpStatus === undefined) return `Amazon Connect could not be reached: ${e.name}: ${e.message}`;
  return `Amazon Connect answered ${e.name}: ${e.message}${e.requestId ? ` (AWS request id ${e.requestId})` : ""}`;
}

/** For anything a gateway call threw, including the console's own "the simulator is not running". */
export function connectFailureText(err: unknown): string {
  return err instanceof UserFacingError ? err.message : connectErrorText(classifyConnectError(err));
}
