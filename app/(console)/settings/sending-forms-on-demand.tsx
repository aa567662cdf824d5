"use client";
// The Sending page's two forms, with their code (react-hook-form and the fields) downloading as soon as the page runs
// rather than with its first load, as the composer's and the events page's forms do; placeholders of their height
// stand in until then.
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";
import { lazyComponent } from "@/components/lazy-component";
import type { SendRateForm as RateForm } from "./send-rate-form";
import type { SendingCapacityForm as CapacityForm } from "./sending-capacity-form";

const SendRateForm = lazyComponent(() => import("./send-rate-form").then((m) => m.SendRateForm));
const SendingCapacityForm = lazyComponent(() => import("./sending-capacity-form").then((m) => m.SendingCapacityForm));
if (typeof window !== "undefined") {
  SendRateForm.preload();
  SendingCapacityForm.preload();
}

type RateProps = Parameters<typeof RateForm>[0];
type CapacityProps = Parameters<typeof CapacityForm>[0];

export function SendRateFormOnDemand(props: RateProps) {
  return (
    <LoadBoundary browserOnly what="The send rate form" fallback={<LoadingBlock height="8rem" label="Loading the form…" />}>
      <SendRateForm {...props} />
    </LoadBoundary>
  );
}

export function SendingCapacityFormOnDemand(props: CapacityProps) {
  return (
    <LoadBoundary browserOnly what="The number throughput form" fallback={<LoadingBlock height="16rem" label="Loading the form…" />}>
      <SendingCapacityForm {...props} />
    </LoadBoundary>
  );
}
