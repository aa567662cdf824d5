"use client";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ruleWords } from "@/lib/settings/frequency-cap-rules";
import type { FrequencyCapRule } from "@/lib/settings/frequency-caps-schema";
import { updateFrequencyCapsAction } from "./frequency-caps-actions";
import { RulesEditor, type RuleRow } from "./frequency-caps-rules-editor";

const toRows = (rules: FrequencyCapRule[]): RuleRow[] =>
  rules.map((r) => ({ count: String(r.count), windowHours: String(r.windowHours), whenCapped: r.whenCapped }));

export function FrequencyCapsForm({ current, canEdit }: { current: FrequencyCapRule[]; canEdit: boolean }) {
  const [rows, setRows] = useState<RuleRow[]>(toRows(current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    setSaving(true);
    setStatus(null);
    setErrors({});
    const res = await updateFrequencyCapsAction({ rules: rows });
    setSaving(false);
    if (res.ok) {
      setRows(toRows(res.data.rules));
      const words = res.data.rules.map(ruleWords).join(" and ");
      setStatus({ tone: "success", text: words ? `Each number gets ${words}` : "No frequency caps" });
    } else {
      setErrors(res.error.fields ?? {});
      setStatus({ tone: "error", text: res.error.message });
    }
  }
  return (
    <form onSubmit={save} noValidate className="grid gap-3" aria-label="Frequency caps">
      <RulesEditor idPrefix="cap" errorPrefix="rules" rows={rows} onChange={setRows} errors={errors} disabled={!canEdit} />
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {canEdit ? (
        <div>
          <Button type="submit" disabled={saving}>
            Save frequency caps
          </Button>
        </div>
      ) : null}
    </form>
  );
}
