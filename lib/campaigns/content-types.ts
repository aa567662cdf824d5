// The content types a campaign's chats may support. Apart from the schemas, so the composer's form can list them
// without loading zod with the page.
export const CONTENT_TYPES = [
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.amazonaws.connect.message.interactive",
  "application/vnd.amazonaws.connect.message.interactive.response",
] as const;
