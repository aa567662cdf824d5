"use client";
// The opt-out and opt-in keywords. Admins edit both lists (commas or new lines between keywords); everyone else reads
// them. "Reset to defaults" fills the fields in, and saving applies them like any other edit.
import { useState } from "react";
import { useForm } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { DEFAULT_OPT_KEYWORDS } from "@/lib/replies/default-keywords";
import type { OptKeywords } from "@/lib/replies/keywords";
import type { OptKeywordsFormValues } from "@/lib/settings/opt-keywords-form";
import { joinKeywords } from "@/lib/settings/opt-keywords-text";
import { updateOptKeywordsAction } from "./actions";

const asText = (k: OptKeywords): OptKeywordsFormValues => ({ optOut: joinKeywords(k.optOut), optIn: joinKeywords(k.optIn) });

// The schema (and zod) load when the form is first focused, not with the page (components/forms/lazy-resolver.ts).
const resolver = lazyZodResolver(() => import("@/lib/settings/opt-keywords-form").then((m) => m.optKeywordsFormSchema));

function KeywordList({ label, words, testId }: { label: string; words: readonly string[]; testId: string }) {
  return (
    <div className="grid gap-1.5">
      <p className="text-sm font-medium">{label}</p>
      <div className="flex flex-wrap gap-1" data-testid={testId}>
        {words.length > 0 ? words.map((w) => <Badge key={w}>{w}</Badge>) : <span className="text-sm text-muted-foreground">None</span>}
      </div>
    </div>
  );
}

export function OptKeywordsForm({ current, canEdit }: { current: OptKeywords; canEdit: boolean }) {
  const [status, setStatus] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(null);
  const form = useForm<OptKeywordsFormValues, unknown, OptKeywords>({ resolver, defaultValues: asText(current) });
  const { errors, isSubmitting, isDirty } = form.formState;

  if (!canEdit) {
    return (
      <div className="grid gap-3" data-testid="opt-keywords-readonly">
        <KeywordList label="Opt-out keywords" words={current.optOut} testId="opt-keywords-opt-out-list" />
        <KeywordList label="Opt-in keywords" words={current.optIn} testId="opt-keywords-opt-in-list" />
      </div>
    );
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const res = await updateOptKeywordsAction(values);
    if (res.ok) {
      form.reset(asText(res.data));
      setStatus({ tone: "success", text: "Keywords saved. They apply to the next customer message." });
      return;
    }
    // The server names list items as "optOut.2"; the form has one field per list.
    const fields = Object.fromEntries(Object.entries(res.error.fields ?? {}).map(([path, message]) => [path.split(".")[0]!, message]));
    const message = applyServerErrors(form, { ...res.error, fields });
    if (message) setStatus({ tone: "error", text: message });
  });

  const resetToDefaults = () => {
    const defaults = asText(DEFAULT_OPT_KEYWORDS);
    form.setValue("optOut", defaults.optOut, { shouldDirty: true, shouldValidate: true });
    form.setValue("optIn", defaults.optIn, { shouldDirty: true, shouldValidate: true });
    const saved = asText(current);
    const same = saved.optOut === defaults.optOut && saved.optIn === defaults.optIn;
    setStatus({ tone: "info", text: same ? "These are the default keywords already." : "The default keywords are filled in: save to apply them." });
  };

  return (
    <form onFocus={resolver.preload} onSubmit={onSubmit} noValidate className="grid gap-3" aria-label="Opt-out keywords" data-testid="opt-keywords-form">
      <Field
        id="opt-out-keywords"
        label="Opt-out keywords"
        hint={`Commas or new lines between keywords. Default: ${joinKeywords(DEFAULT_OPT_KEYWORDS.optOut)}`}
        error={errors.optOut?.message}
      >
        <Textarea rows={3} data-testid="opt-keywords-opt-out" {...form.register("optOut")} />
      </Field>
      <Field
        id="opt-in-keywords"
        label="Opt-in keywords"
        hint={`Take a number off the suppression list. Default: ${joinKeywords(DEFAULT_OPT_KEYWORDS.optIn)}`}
        error={errors.optIn?.message}
      >
        <Textarea rows={2} data-testid="opt-keywords-opt-in" {...form.register("optIn")} />
      </Field>
      {status ? (
        <Alert tone={status.tone} data-testid="opt-keywords-status">
          {status.text}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting || !isDirty} data-testid="opt-keywords-save">
          Save keywords
        </Button>
        <Button type="button" variant="outline" onClick={resetToDefaults} data-testid="opt-keywords-reset">
          Reset to defaults
        </Button>
      </div>
    </form>
  );
}
