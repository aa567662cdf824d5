// How long a streamed customer message waits before it counts as a reply (see console-replies.ts): the inbound bridge
// and the events page write their record of a message they sent into Connect as Connect answers, which can be after
// the stream has carried it. Pure, so the receivers and the sweep share it without importing each other.
export const REPLY_GRACE_MS = 15_000;
