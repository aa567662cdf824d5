import "server-only";
// Temporary passwords for admin resets: generated rather than typed, so no admin picks a weak or reused one, and
// pasted or read out once. Lower case without l and o (no 1/l, 0/o mix-ups): 32 symbols, 20 of them (100 bits).
import { randomInt } from "node:crypto";
import { passwordProblem } from "@/lib/users/password-policy";

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

export function generateTemporaryPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
    const candidate = groups.join("-");
    // Practically always acceptable; checked so the policy can never be bypassed by the generator.
    if (!passwordProblem(candidate)) return candidate;
  }
}
