// The simulator faults an admin may set a rate for. Without zod, so the Settings form lists them without loading the
// schema (simulator-settings.ts) with the page.
export const EDITABLE_FAULTS = ["InternalServiceException", "ThrottlingException", "LimitExceededException", "AccessDeniedException", "Timeout"] as const;
export type EditableFault = (typeof EDITABLE_FAULTS)[number];
