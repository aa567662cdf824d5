"use client";
// What a recipient receives: the template's body as Connect renders it for the first recipient of the list (or with
// its placeholders as written when the page holds no rows), with the template's language and review status.
import { useEffect, useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { useTemplateRender } from "@/components/connect/connect-queries";
import { QueryStatus } from "@/components/connect/query-status";
import type { MessageTemplateDetail } from "@/lib/connect/types";
import { compileTemplate } from "@/lib/recipients/placeholders";
import type { SampleRecipient } from "./sample-recipient";
import { previewNotes, sampleAttributes, type TemplateVariables, type VariableSource } from "./template-variables";

// Typing a fixed value asks Connect again only once the typing pauses.
const SETTLE_MS = 300;

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code.replace("_", "-")) ?? code;
  } catch {
    return code;
  }
}

const STATUS: Record<string, { label: string; tone: "success" | "danger" | "warning" }> = {
  VALID: { label: "Approved by WhatsApp", tone: "success" },
  REJECTED: { label: "Rejected by WhatsApp", tone: "danger" },
  INVALID: { label: "Invalid", tone: "danger" },
};

function whyUnfilled(source: VariableSource | undefined): string {
  if (source === undefined) return "choose a column or a fixed value below";
  return "column" in source ? `the first recipient's “${source.column}” is empty` : "its fixed value is empty";
}

/** The body with each placeholder still in it marked, so unfilled ones stand out. */
function MarkedBody({ text }: { text: string }) {
  return compileTemplate(text).parts.map((part, i) =>
    typeof part === "string" ? (
      part
    ) : (
      <mark key={i} className="rounded bg-amber-100 px-0.5 font-mono text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
        {part.raw}
      </mark>
    ),
  );
}

export function TemplatePreview({
  knowledgeBaseId,
  templateId,
  template,
  sources,
  sample,
}: {
  knowledgeBaseId: string;
  templateId: string;
  template: MessageTemplateDetail;
  sources: TemplateVariables;
  sample: SampleRecipient | null;
}) {
  const key = JSON.stringify(sampleAttributes(template.variables, sources, sample));
  const settledKey = useSettled(key, SETTLE_MS);
  const attributes = useMemo(() => JSON.parse(settledKey) as Record<string, string>, [settledKey]);
  const render = useTemplateRender(knowledgeBaseId, templateId, attributes, true);
  const rendered = render.data;
  const notes = rendered ? previewNotes(rendered.missing, sources, sample !== null) : undefined;
  const status = template.status ? (STATUS[template.status] ?? { label: template.status, tone: "warning" as const }) : undefined;

  return (
    <section aria-labelledby="template-preview-title" className="grid min-w-0 gap-2 rounded-md border border-border p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="template-preview-title" className="text-sm font-medium">
          Preview
        </h3>
        <div className="flex flex-wrap gap-1.5">
          {template.language ? <Badge title={`Language code ${template.language}`}>{languageName(template.language)}</Badge> : null}
          {status ? <Badge tone={status.tone}>{status.label}</Badge> : null}
        </div>
      </div>
      <p className="text-xs text-muted-foreground">
        {sample
          ? "As the first recipient of the list receives it."
          : "This page holds no recipient rows to sample, so values from columns are shown as their placeholders."}
      </p>
      <p className="whitespace-pre-wrap break-words rounded-md bg-muted p-3 text-sm" aria-live="polite" aria-busy={render.isFetching ? true : undefined}>
        <MarkedBody text={rendered?.body ?? template.body} />
      </p>
      {notes && notes.unfilled.length > 0 ? (
        <ul className="grid gap-1 text-xs font-medium text-warning">
          {notes.unfilled.map((name) => (
            <li key={name}>
              <span className="font-mono">{`{{${name}}}`}</span> not filled: {whyUnfilled(Object.hasOwn(sources, name) ? sources[name] : undefined)}
            </li>
          ))}
        </ul>
      ) : null}
      {notes && notes.fromColumns.length > 0 ? (
        <ul className="grid gap-1 text-xs text-muted-foreground">
          {notes.fromColumns.map(({ name, column }) => (
            <li key={name}>
              <span className="font-mono">{`{{${name}}}`}</span> takes each recipient&apos;s “{column}”
            </li>
          ))}
        </ul>
      ) : null}
      <QueryStatus query={render} what="the preview" />
    </section>
  );
}
