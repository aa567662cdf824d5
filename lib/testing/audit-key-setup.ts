// Vitest setup file: a fixed audit key for every test file, as the console's runtime and the worker configure theirs.
import { configureAuditKey } from "@/lib/audit/key";

export const TEST_AUDIT_KEY = "test-audit-key-0123456789abcdef0123456789abcdef";

configureAuditKey(TEST_AUDIT_KEY);
