// Kept until lib/uploads/routes.ts imports @/lib/log/event, where the log now lives (no domain may import lib/server).
export { logEvent, type LogFields, type LogLevel } from "@/lib/log/event";
