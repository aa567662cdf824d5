"use client";
// The campaign composer: one react-hook-form over the shared campaign schema, sections on the left, and on the right
// the buttons, the last recipient check and a test send. What the first screen does not need loads on demand: the
// schema (with zod) when the form is first focused or its buttons pointed at, the check's panel (with its chart) once
// there is a check, the CSV reader for a CSV kept as text, the launch dialog's contents when Launch… is pointed at.
import { useEffect } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { lazyZodResolver } from "@/components/forms/lazy-resolver";
import { lazyComponent } from "@/components/lazy-component";
import { LoadBoundary, LoadingBlock } from "@/components/load-boundary";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import { ComposerActions } from "./composer-actions";
import { ConnectSection } from "./connect-section";
import { DeleteDraftButton } from "./delete-draft-button";
import type { ComposerOutput, ComposerValues } from "./form-values";
import { MessageSection } from "./message-section";
import { RecipientsSection } from "./recipients-section";
import { SettingsSection } from "./settings-section";
import { TestSend } from "./test-send";
import { useComposerActions } from "./use-composer-actions";
import { useRecipientUpload } from "./use-recipient-upload";
import { useRecipientsGlance } from "./use-recipients-glance";

const resolver = lazyZodResolver(() => import("@/lib/campaigns/schemas").then((m) => m.campaignInputSchema));
const PreflightPanel = lazyComponent(() => import("./preflight-panel").then((m) => m.PreflightPanel));

interface Props {
  campaignId?: string;
  initial: ComposerValues;
  /** The check stored with the draft at its last save. */
  savedPreflight?: PreflightSummary;
}

export function Composer({ campaignId, initial, savedPreflight }: Props) {
  const form = useForm<ComposerValues, unknown, ComposerOutput>({ resolver, defaultValues: initial });
  const actions = useComposerActions(form, campaignId, savedPreflight);
  const upload = useRecipientUpload(form);
  const [format, text, uploadId] = useWatch({ control: form.control, name: ["recipients.format", "recipients.text", "recipients.uploadId"] });
  // Read once here and shared by the sections that offer columns.
  const { glance, reading, retry } = useRecipientsGlance({ format, text, uploadId }, upload.info);
  const local = glance.local;
  const { errors } = form.formState;
  // A check or save ends with a check to show: its panel's code downloads while the server works.
  useEffect(() => {
    if (actions.busy) PreflightPanel.preload();
  }, [actions.busy]);

  return (
    <FormProvider {...form}>
      {/* The schema loads as soon as anything here is focused, or the buttons pointed at: it is there by the first check. */}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_28rem]" onFocus={resolver.preload}>
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
          <RecipientsSection local={local} upload={upload} reading={reading} onRetryReading={retry} />
          <MessageSection columns={local.header} sample={glance.first} />
          <SettingsSection columns={local.header} />
        </form>
        {/* On wide screens the buttons and the last check stay in view while the form scrolls. */}
        <aside
          aria-label="Check and launch"
          className="grid min-w-0 grid-cols-[minmax(0,1fr)] content-start gap-4 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-y-auto"
          onPointerEnter={resolver.preload}
        >
          <ComposerActions {...actions} uploading={upload.sending !== null} expectedRows={local.rows > 0 ? local.rows : null} />
          {actions.preflight ? (
            <LoadBoundary what="The recipient check" fallback={<LoadingBlock height="20rem" label="Loading the recipient check…" />}>
              <PreflightPanel
                summary={actions.preflight}
                checks={actions.checks}
                stale={actions.stale}
                campaignId={actions.campaignId}
                onRecheck={() => void actions.check()}
              />
            </LoadBoundary>
          ) : null}
          <TestSend />
          {actions.campaignId ? <DeleteDraftButton campaignId={actions.campaignId} /> : null}
        </aside>
      </div>
    </FormProvider>
  );
}
