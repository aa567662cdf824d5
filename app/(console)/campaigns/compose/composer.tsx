"use client";
// The campaign composer: one react-hook-form over the shared campaign schema, sections on the left, and on the right
// the buttons, the last recipient check and a test send.
import { useMemo } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { campaignInputSchema } from "@/lib/campaigns/schemas";
import { ComposerActions } from "./composer-actions";
import { ConnectSection } from "./connect-section";
import { DeleteDraftButton } from "./delete-draft-button";
import type { ComposerOutput, ComposerValues } from "./form-values";
import { recipientsPreview } from "./local-recipients";
import { MessageSection } from "./message-section";
import { PreflightPanel } from "./preflight-panel";
import { RecipientsSection } from "./recipients-section";
import { SettingsSection } from "./settings-section";
import { TestSend } from "./test-send";
import { useComposerActions } from "./use-composer-actions";
import { useRecipientUpload } from "./use-recipient-upload";

interface Props {
  campaignId?: string;
  initial: ComposerValues;
  /** The check stored with the draft at its last save. */
  savedPreflight?: PreflightSummary;
}

export function Composer({ campaignId, initial, savedPreflight }: Props) {
  const form = useForm<ComposerValues, unknown, ComposerOutput>({ resolver: zodResolver(campaignInputSchema), defaultValues: initial });
  const actions = useComposerActions(form, campaignId, savedPreflight);
  const upload = useRecipientUpload(form);
  const [format, text, uploadId] = useWatch({ control: form.control, name: ["recipients.format", "recipients.text", "recipients.uploadId"] });
  // Read once here and shared by the sections that offer columns.
  const local = useMemo(() => recipientsPreview({ format, text, uploadId }, upload.info), [format, text, uploadId, upload.info]);
  const { errors } = form.formState;

  return (
    <FormProvider {...form}>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_28rem]">
        {/* Only the buttons act: Enter in a field should not save or send anything. */}
        <form noValidate aria-label="Campaign" onSubmit={(e) => e.preventDefault()} className="grid min-w-0 content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Campaign</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <Field id="campaign-name" label="Campaign name" error={errors.name?.message}>
                <Input autoComplete="off" maxLength={120} {...form.register("name")} />
              </Field>
              <Field id="campaign-description" label="Description" hint="Optional; for the team, never sent." error={errors.description?.message}>
                <Textarea rows={2} {...form.register("description")} />
              </Field>
            </CardContent>
          </Card>
          <ConnectSection />
          <RecipientsSection local={local} upload={upload} />
          <MessageSection columns={local.header} firstRow={local.sample[0]} />
          <SettingsSection columns={local.header} />
        </form>
        {/* On wide screens the buttons and the last check stay in view while the form scrolls. */}
        <aside
          aria-label="Check and launch"
          className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-4 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto"
        >
          <ComposerActions {...actions} uploading={upload.sending !== null} expectedRows={local.rows > 0 ? local.rows : null} />
          {actions.preflight ? (
            <PreflightPanel
              summary={actions.preflight}
              checks={actions.checks}
              stale={actions.stale}
              campaignId={actions.campaignId}
              onRecheck={() => void actions.check()}
            />
          ) : null}
          <TestSend />
          {actions.campaignId ? <DeleteDraftButton campaignId={actions.campaignId} /> : null}
        </aside>
      </div>
    </FormProvider>
  );
}
