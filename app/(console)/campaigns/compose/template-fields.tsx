"use client";
// WhatsApp: knowledge base → message template → the template as a recipient sees it, and where each of its variables'
// values comes from. The variables are read from the template's body, which Connect returns with the template.
import { useEffect, useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { useTemplateDetail, useTemplates } from "@/components/connect/connect-queries";
import { QueryStatus } from "@/components/connect/query-status";
import type { ComposerValues, MessageValue } from "./form-values";
import type { SampleRecipient } from "./sample-recipient";
import { TemplatePreview } from "./template-preview";
import { matchColumns } from "./template-variables";
import { TemplateVariablesFields } from "./template-variables-fields";

type TemplateMessage = Extract<MessageValue, { kind: "template" }>;
type MessageErrors = { message?: string; knowledgeBaseId?: { message?: string }; messageTemplateId?: { message?: string } };

/** `sample`: the list's first recipient by column, for the preview (an upload's as the server read it). */
export function TemplateFields({ columns, sample }: { columns: string[]; sample: SampleRecipient | null }) {
  const { control, setValue, getValues, formState } = useFormContext<ComposerValues>();
  const message = useWatch({ control, name: "message" });
  const templates = useTemplates(true);
  const chosen = message.kind === "template" ? message : undefined;
  const detail = useTemplateDetail(chosen?.knowledgeBaseId ?? "", chosen?.messageTemplateId ?? "");
  // The template just picked: once its variables are known, columns named like them become their sources.
  const justPicked = useRef<string | null>(null);
  const submitted = formState.isSubmitted;
  const loaded = detail.data?.template;

  useEffect(() => {
    const current = getValues("message");
    if (!loaded || current.kind !== "template" || justPicked.current !== current.messageTemplateId || loaded.id !== current.messageTemplateId) return;
    justPicked.current = null;
    const variables = matchColumns(loaded.variables, current.variables ?? {}, columns, getValues("recipients.mapping").variableColumns);
    setValue("message", { ...current, variables }, { shouldDirty: true, shouldValidate: submitted });
  }, [loaded, columns, getValues, setValue, submitted]);

  if (!chosen) return null;
  const errors = formState.errors.message as MessageErrors | undefined;
  const bases = templates.data?.knowledgeBases ?? [];
  const base = bases.find((kb) => kb.id === chosen.knowledgeBaseId);
  // Templates for other channels (SMS, email) cannot open a WhatsApp conversation.
  const usable = (base?.templates ?? []).filter((t) => !t.channelSubtype || t.channelSubtype === "WHATSAPP");
  const listed = base?.templates.find((t) => t.id === chosen.messageTemplateId);
  const update = (next: TemplateMessage) => setValue("message", next, { shouldDirty: true, shouldValidate: submitted });

  const pickTemplate = (id: string) => {
    justPicked.current = id;
    update({ ...chosen, messageTemplateId: id, templateName: usable.find((t) => t.id === id)?.name ?? "", variables: {} });
  };

  return (
    <>
      <QueryStatus query={templates} what="message templates" />
      {templates.isSuccess && bases.length === 0 ? (
        <Alert tone="warning">Connect lists no knowledge base with message templates for this account.</Alert>
      ) : null}
      {errors?.message ? <Alert tone="error">{errors.message}</Alert> : null}
      <Field id="message-knowledge-base" label="Knowledge base" error={errors?.knowledgeBaseId?.message}>
        <Select
          value={chosen.knowledgeBaseId}
          disabled={!templates.isSuccess}
          onChange={(e) => update({ kind: "template", knowledgeBaseId: e.target.value, messageTemplateId: "", templateName: "", variables: {} })}
        >
          <option value="">{templates.isSuccess ? "Choose a knowledge base" : "—"}</option>
          {bases.map((kb) => (
            <option key={kb.id} value={kb.id}>
              {kb.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="message-template" label="Message template" hint={listed?.description} error={errors?.messageTemplateId?.message}>
        <Select value={chosen.messageTemplateId} disabled={!base} onChange={(e) => pickTemplate(e.target.value)}>
          <option value="">{base ? "Choose a template" : "Choose a knowledge base first"}</option>
          {listed && !usable.includes(listed) ? <option value={listed.id}>{listed.name}</option> : null}
          {usable.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {base && usable.length === 0 ? <p className="text-sm text-muted-foreground">This knowledge base has no WhatsApp templates.</p> : null}
      {chosen.messageTemplateId ? <QueryStatus query={detail} what="the template" /> : null}
      {chosen.messageTemplateId && loaded ? (
        <>
          <TemplatePreview
            key={chosen.messageTemplateId}
            knowledgeBaseId={chosen.knowledgeBaseId}
            templateId={chosen.messageTemplateId}
            template={loaded}
            sources={chosen.variables ?? {}}
            sample={sample}
          />
          <TemplateVariablesFields
            names={loaded.variables}
            variables={chosen.variables ?? {}}
            columns={columns}
            onChange={(variables) => update({ ...chosen, variables })}
          />
        </>
      ) : null}
    </>
  );
}
