"use client";
// The reader's time zone for showing moments. The server renders before it is known, so that render (and hydration)
// says UTC and names it; the browser's own zone follows straight after.
import { useSyncExternalStore } from "react";
import { browserTimeZone } from "./schedule";

const noSubscription = () => () => {};

export function useTimeZone(): string {
  return useSyncExternalStore(noSubscription, browserTimeZone, () => "UTC");
}
