"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SendWindow } from "@/lib/settings/send-window-math";
import { sendWindowWords } from "@/lib/settings/send-window-words";
import { updateSendWindowAction } from "./send-window-actions";
import { OFFICE_HOURS, SendWindowEditor, fromWindowRows, toWindowRows } from "./send-window-editor";

export function SendWindowForm({ current, canEdit }: { current: SendWindow | null; canEdit: boolean }) {
  const [limited, setLimited] = useState(current !== null);
  const [rows, setRows] = useState(toWindowRows(current ?? OFFICE_HOURS));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    setStatus(null);
    setErrors({});
    const res = await updateSendWindowAction({ window: limited ? fromWindowRows(rows) : null });
    setSaving(false);
    if (res.ok) {
      if (res.data.window) setRows(toWindowRows(res.data.window));
      setStatus({ tone: "success", text: res.data.window ? `Campaigns send ${sendWindowWords(res.data.window)}` : "Campaigns send at any time" });
    } else {
      setErrors(res.error.fields ?? {});
      setStatus({ tone: "error", text: res.error.message });
    }
  }
  return (
    <form onSubmit={save} noValidate className="grid gap-3" aria-label="Send window">
      <fieldset className="flex gap-4 text-sm" disabled={!canEdit}>
        <label className="flex items-center gap-2">
          <input type="radio" name="send-window-mode" checked={!limited} onChange={() => setLimited(false)} />
          Any time
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="send-window-mode" checked={limited} onChange={() => setLimited(true)} />
          Only within these hours
        </label>
      </fieldset>
      {limited ? <SendWindowEditor idPrefix="send-window" errorPrefix="window" rows={rows} onChange={setRows} errors={errors} disabled={!canEdit} /> : null}
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {canEdit ? (
        <div>
          <Button type="submit" disabled={saving}>
            Save send window
          </Button>
        </div>
      ) : null}
    </form>
  );
}
