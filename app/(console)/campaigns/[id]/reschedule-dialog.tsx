"use client";
// Reschedule…, for a scheduled campaign: a new start as a wall-clock time in the reader's time zone, as the composer's
// schedule field takes it, sent as an ISO instant with its offset.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { callAction } from "@/components/forms/call-action";
import { isoToLocalInput, localInputToIso } from "../compose/schedule";
import { useTimeZone } from "../compose/use-time-zone";
import { rescheduleAction } from "./copy-actions";

export function RescheduleDialog({
  campaignId,
  scheduledAt = null,
  disabled,
  onDone,
}: {
  campaignId: string;
  /** The current start, ISO, to begin from; the field starts empty without it. */
  scheduledAt?: string | null;
  disabled: boolean;
  onDone: (message: string) => void;
}) {
  const zone = useTimeZone();
  const [open, setOpen] = useState(false);
  const [local, setLocal] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const openWith = (next: boolean) => {
    if (busy) return;
    setOpen(next);
    setError(null);
    if (next) setLocal(scheduledAt ? isoToLocalInput(scheduledAt, zone) : "");
  };
  const save = async () => {
    const iso = localInputToIso(local, zone);
    if (!iso) return setError("Choose a date and time");
    setBusy(true);
    setError(null);
    const res = await callAction(() => rescheduleAction({ campaignId, scheduledAt: iso, timeZone: zone }));
    setBusy(false);
    if (!res.ok) return setError(res.error.fields?.scheduledAt ?? res.error.message);
    setOpen(false);
    onDone(`Rescheduled to start ${local.replace("T", " ")} (${zone})`);
  };

  return (
    <Dialog open={open} onOpenChange={openWith}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" disabled={disabled} data-testid="reschedule-button">
          Reschedule…
        </Button>
      </DialogTrigger>
      <DialogContent title="Reschedule campaign" description="Choose when it starts sending. It can be moved until it starts.">
        <Field id="reschedule-at" label="Start date and time" hint={`In your time zone: ${zone}`} error={error ?? undefined}>
          <Input type="datetime-local" className="w-full sm:w-64" value={local} onChange={(e) => setLocal(e.target.value)} data-testid="reschedule-at" />
        </Field>
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="ghost" disabled={busy}>
              Keep as is
            </Button>
          </DialogClose>
          <Button type="button" onClick={() => void save()} disabled={busy || !local} aria-busy={busy || undefined} data-testid="reschedule-confirm">
            Reschedule
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
