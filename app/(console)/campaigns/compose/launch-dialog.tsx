"use client";
// The last step before sending. The confirm button names the exact count, and that count is what the server
// checks again: if the recipients changed meanwhile, launch is refused rather than sending to a different list.
import { useState, type ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { formatCount } from "./format";
import type { ComposerValues } from "./form-values";

interface Props {
  valid: number;
  disabled: boolean;
  launching: boolean;
  /** The save's live progress while launching: the dialog covers the page, so it shows it here. */
  progress: ReactNode;
  onLaunch: (confirmed: number) => Promise<boolean>;
}

export function LaunchDialog({ valid, disabled, launching, progress, onLaunch }: Props) {
  const { control } = useFormContext<ComposerValues>();
  const schedule = useWatch({ control, name: "schedule" });
  const [open, setOpen] = useState(false);
  const when =
    schedule?.mode === "at" && schedule.at ? `Sending starts at ${new Date(schedule.at).toLocaleString()}.` : "Sending starts as soon as you confirm.";

  const confirm = async () => {
    // On success the page moves to the campaign; on failure the reason shows beside the buttons.
    if (!(await onLaunch(valid))) setOpen(false);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !launching && setOpen(next)}>
      <DialogTrigger asChild>
        <Button type="button" disabled={disabled}>
          Launch…
        </Button>
      </DialogTrigger>
      <DialogContent title="Launch campaign" description="The draft is saved and checked once more before sending; launched campaigns cannot be edited.">
        <p className="text-sm">
          {formatCount(valid)} {valid === 1 ? "recipient gets" : "recipients get"} a chat. {when}
        </p>
        {progress}
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="outline" disabled={launching}>
              Cancel
            </Button>
          </DialogClose>
          <Button type="button" onClick={() => void confirm()} disabled={launching}>
            Send to {formatCount(valid)} recipients
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
