import {
  AccessDeniedException,
  ConflictException,
  ConnectServiceException,
  InternalServiceException,
  InvalidRequestException,
  LimitExceededException,
  ResourceNotFoundException,
  ThrottlingException,
} from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import { classifyConnectError } from "./classify-error";
import type { ConnectErrorKind } from "./types";

const meta = (httpStatusCode?: number) => ({ $metadata: { httpStatusCode, requestId: "req-1" } });
const serviceError = (name: string, status?: number) =>
  new ConnectServiceException({ name, message: `${name} happened`, $fault: status && status >= 500 ? "server" : "client", ...meta(status) });
const named = (name: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`${name} happened`), { name, ...extra });

const cases: [string, unknown, ConnectErrorKind][] = [
  ["ThrottlingException", new ThrottlingException({ message: "slow down", ...meta(429) }), "throttled"],
  ["TooManyRequestsException", serviceError("TooManyRequestsException", 429), "throttled"],
  ["an unnamed 429", serviceError("Unknown", 429), "throttled"],
  ["LimitExceededException", new LimitExceededException({ message: "too many chats", ...meta(429) }), "concurrency-limited"],
  ["InternalServiceException", new InternalServiceException({ message: "oops", ...meta(500) }), "transient"],
  ["an unnamed 500", serviceError("Unknown", 500), "transient"],
  ["a 503", serviceError("ServiceUnavailable", 503), "transient"],
  ["ECONNRESET", named("Error", { code: "ECONNRESET" }), "transient"],
  ["ECONNREFUSED", named("Error", { code: "ECONNREFUSED" }), "transient"],
  ["socket hang up", named("Error", { message: "socket hang up" }), "transient"],
  ["TimeoutError", named("TimeoutError", { code: "ETIMEDOUT" }), "transient"],
  ["AbortError", named("AbortError"), "transient"],
  ["AccessDeniedException", new AccessDeniedException({ message: "no", ...meta(403) }), "systemic"],
  ["ResourceNotFoundException", new ResourceNotFoundException({ message: "no flow", ...meta(404) }), "systemic"],
  ["UnrecognizedClientException", serviceError("UnrecognizedClientException", 403), "systemic"],
  ["InvalidSignatureException", serviceError("InvalidSignatureException", 403), "systemic"],
  ["ExpiredTokenException", serviceError("ExpiredTokenException", 400), "systemic"],
  ["CredentialsProviderError", named("CredentialsProviderError"), "systemic"],
  ["an unknown 403", serviceError("SomethingForbidden", 403), "systemic"],
  ["a TypeError", new TypeError("x is undefined"), "systemic"],
  ["a thrown string", "boom", "systemic"],
  ["InvalidRequestException", new InvalidRequestException({ message: "bad number", ...meta(400) }), "permanent-for-this-recipient"],
  ["ConflictException", new ConflictException({ message: "conflict", ...meta(409) }), "permanent-for-this-recipient"],
  ["an unknown 400", serviceError("SerializationException", 400), "permanent-for-this-recipient"],
  ["InvalidRequestException without a status", named("InvalidRequestException"), "permanent-for-this-recipient"],
];

describe("classifyConnectError", () => {
  it.each(cases)("classifies %s", (_label, error, kind) => {
    expect(classifyConnectError(error).kind).toBe(kind);
  });

  it("keeps name, message, request id and status", () => {
    expect(classifyConnectError(new ThrottlingException({ message: "slow down", ...meta(429) }))).toEqual({
      kind: "throttled",
      name: "ThrottlingException",
      message: "slow down",
      requestId: "req-1",
      httpStatus: 429,
    });
    expect(classifyConnectError("boom")).toMatchObject({ name: "Error", message: "boom", requestId: undefined, httpStatus: undefined });
  });
});
