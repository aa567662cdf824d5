"use client";
// WhatsApp: knowledge base → message template → where each template variable's value comes from.
import { useFormContext, useWatch } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { useTemplates } from "@/components/connect/connect-queries";
import type { ComposerValues, MessageValue } from "./form-values";
import { QueryStatus } from "@/components/connect/query-status";
import { TemplateVariablesFields } from "./template-variables-fields";
import { matchingColumn, templateVariables } from "./template-variables";

type TemplateMessage = Extract<MessageValue, { kind: "template" }>;
type MessageErrors = { message?: string; knowledgeBaseId?: { message?: string }; messageTemplateId?: { message?: string } };

export function TemplateFields({ columns }: { columns: string[] }) {
  const { control, setValue, formState } = useFormContext<ComposerValues>();
  const message = useWatch({ control, name: "message" });
  const mapping = useWatch({ control, name: "recipients.mapping" });
  const templates = useTemplates(true);
  if (message.kind !== "template") return null;
  const errors = formState.errors.message as MessageErrors | undefined;
  const bases = templates.data?.knowledgeBases ?? [];
  const base = bases.find((kb) => kb.id === message.knowledgeBaseId);
  // Templates for other channels (SMS, email) cannot open a WhatsApp conversation.
  const usable = (base?.templates ?? []).filter((t) => !t.channelSubtype || t.channelSubtype === "WHATSAPP");
  const template = base?.templates.find((t) => t.id === message.messageTemplateId);
  const update = (next: TemplateMessage) => setValue("message", next, { shouldDirty: true, shouldValidate: formState.isSubmitted });

  const pickTemplate = (id: string) => {
    const picked = usable.find((t) => t.id === id);
    const variables: TemplateMessage["variables"] = {};
    // Columns named like a variable are mapped to it straight away; the rest wait for a choice.
    for (const name of templateVariables(picked?.description)) {
      const column = matchingColumn(name, columns, mapping.variableColumns);
      if (column !== undefined) variables[name] = { column };
    }
    update({ ...message, messageTemplateId: id, templateName: picked?.name ?? "", variables });
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
          value={message.knowledgeBaseId}
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
      <Field id="message-template" label="Message template" hint={template?.description} error={errors?.messageTemplateId?.message}>
        <Select value={message.messageTemplateId} disabled={!base} onChange={(e) => pickTemplate(e.target.value)}>
          <option value="">{base ? "Choose a template" : "Choose a knowledge base first"}</option>
          {template && !usable.includes(template) ? <option value={template.id}>{template.name}</option> : null}
          {usable.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {base && usable.length === 0 ? <p className="text-sm text-muted-foreground">This knowledge base has no WhatsApp templates.</p> : null}
      {message.messageTemplateId ? (
        <TemplateVariablesFields
          names={[...new Set([...templateVariables(template?.description), ...Object.keys(message.variables ?? {})])]}
          variables={message.variables ?? {}}
          columns={columns}
          onChange={(variables) => update({ ...message, variables })}
        />
      ) : null}
    </>
  );
}
