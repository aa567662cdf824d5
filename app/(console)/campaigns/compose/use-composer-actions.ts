// What the composer's buttons do: check, save, launch. Each validates the form first, so field problems show next
// to their fields before anything reaches the server; the server's answer is then shown as it came.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { UseFormReturn } from "react-hook-form";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import type { ErrorBody } from "@/lib/errors";
import { launchAction, previewPreflightAction, saveDraftAction } from "../actions";
import { callAction } from "@/components/forms/call-action";
import { callComposerAction } from "./call-composer-action";
import { handOver, receive } from "./draft-handoff";
import { applyFieldErrors } from "./field-errors";
import { formatCount } from "./format";
import type { ComposerOutput, ComposerValues } from "./form-values";
import { sameValues } from "./same-values";

export type ComposerForm = UseFormReturn<ComposerValues, unknown, ComposerOutput>;
export type Busy = "check" | "save" | "launch" | null;

const INVALID = "Some fields need attention; they are marked in the form.";

/** `savedPreflight`: the check stored with a draft when it was last saved, i.e. made from the form's initial values. */
export function useComposerActions(form: ComposerForm, initialCampaignId: string | undefined, savedPreflight: PreflightSummary | undefined) {
  const router = useRouter();
  const [handoff] = useState(() => receive(initialCampaignId));
  const [campaignId, setCampaignId] = useState(initialCampaignId);
  const [preflight, setPreflight] = useState<PreflightSummary | null>(handoff?.preflight ?? savedPreflight ?? null);
  const [notice, setNotice] = useState<string | null>(handoff?.notice ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [stale, setStale] = useState(false);
  // The values the shown check was made from; the check is stale once the form differs from them.
  const checked = useRef<ComposerValues | null>(null);

  useEffect(() => {
    if (handoff || savedPreflight) checked.current = structuredClone(form.getValues());
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (checked.current) setStale(!sameValues(values, checked.current));
        setNotice(null);
      },
    });
  }, [form, handoff, savedPreflight]);

  const begin = (kind: Busy) => {
    setBusy(kind);
    setError(null);
    setNotice(null);
    return structuredClone(form.getValues());
  };
  const showCheck = (summary: PreflightSummary, from: ComposerValues) => {
    checked.current = from;
    setPreflight(summary);
    setStale(!sameValues(form.getValues(), from));
  };
  const fail = (body: ErrorBody) => {
    applyFieldErrors(form.setError, body.fields);
    setError(body.message);
  };
  const onInvalid = () => setError(INVALID);

  const save = async (values: ComposerOutput, from: ComposerValues) => {
    const input = { campaignId, campaign: values };
    const res = await callComposerAction(input, () => saveDraftAction(input));
    if (!res.ok) return (fail(res.error), null);
    showCheck(res.data.preflight, from);
    setCampaignId(res.data.campaignId);
    return res.data;
  };

  // handleSubmit is called on click, not during render: its callbacks touch the `checked` ref.
  const check = () =>
    form.handleSubmit(async (values) => {
      const from = begin("check");
      const res = await callComposerAction(values, () => previewPreflightAction(values));
      if (res.ok) showCheck(res.data, from);
      else fail(res.error);
      setBusy(null);
    }, onInvalid)();

  const saveDraft = () =>
    form.handleSubmit(async (values) => {
      const saved = await save(values, begin("save"));
      setBusy(null);
      if (!saved) return;
      setNotice("Draft saved");
      if (saved.campaignId !== initialCampaignId) {
        handOver({ campaignId: saved.campaignId, preflight: saved.preflight, notice: "Draft saved" });
        router.replace(`/campaigns/${saved.campaignId}/edit`);
      }
    }, onInvalid)();

  /** Saves, checks the count the user confirmed still holds, then launches. Resolves false when it stopped. */
  const launch = (confirmed: number) =>
    new Promise<boolean>((resolve) => {
      void form.handleSubmit(
        async (values) => {
          const saved = await save(values, begin("launch"));
          if (saved && (saved.preflight.blocking.length > 0 || saved.preflight.counts.valid !== confirmed)) {
            setError(
              `The campaign now has ${formatCount(saved.preflight.counts.valid)} valid recipients, not ${formatCount(confirmed)}, or problems that block launch. Review the check and launch again.`,
            );
          } else if (saved) {
            const res = await callAction(() => launchAction({ campaignId: saved.campaignId, confirmRecipients: confirmed }));
            if (res.ok) {
              router.push(`/campaigns/${res.data.id}`);
              return resolve(true);
            }
            fail(res.error);
          }
          setBusy(null);
          resolve(false);
        },
        () => (onInvalid(), resolve(false)),
      )();
    });

  return { campaignId, preflight, stale, notice, error, busy, check, saveDraft, launch };
}
