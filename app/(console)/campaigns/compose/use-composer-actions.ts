// What the composer's buttons do: check, save, launch. Each validates the form first, so field problems show next
// to their fields before anything reaches the server. Check and save stream their progress (rows read, checked,
// stored) and can be cancelled until rows are being stored; launch saves that way, then launches.
import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import type { FieldErrors, UseFormReturn } from "react-hook-form";
import type { PreflightSummary } from "@/lib/campaigns/preflight-summary";
import type { ErrorBody } from "@/lib/errors";
import { launchOrSubmitAction as launchAction } from "../../approvals/actions";
import { PENDING_APPROVALS_KEY } from "../../approvals/pending-approvals";
import { callAction } from "@/components/forms/call-action";
import type { CallResult } from "./call-result";
import { handOver, receive } from "./draft-handoff";
import { bannerSettled, errorPaths, type BannerFields } from "./error-banner";
import { applyFieldErrors } from "./field-errors";
import { formatCount } from "./format";
import type { ComposerOutput, ComposerValues } from "./form-values";
import type { WorkPhase, WorkProgress } from "./progress-text";
import { inlineListTooLarge } from "./request-size";
import { sameValues } from "./same-values";
import { answerLost, streamCall } from "./stream-call";

export type ComposerForm = UseFormReturn<ComposerValues, unknown, ComposerOutput>;
export type Busy = "check" | "save" | "launch" | null;
export interface Notice {
  tone: "success" | "info";
  text: string;
}

const INVALID = "Some fields need attention; they are marked in the form.";
// The form's checks load on demand (composer.tsx): a dropped connection then stops a button before anything is sent.
const UNLOADED = "The form could not be checked: part of the page did not load. Check the connection and try again.";
const CANCELLED: Record<NonNullable<Busy>, string> = {
  check: "Check cancelled.",
  save: "Save cancelled.",
  launch: "Launch cancelled; nothing was sent.",
};

interface SavedDraft {
  campaignId: string;
  preflight: PreflightSummary;
}

/** `savedPreflight`: the check stored with a draft when it was last saved, i.e. made from the form's initial values. */
export function useComposerActions(form: ComposerForm, initialCampaignId: string | undefined, savedPreflight: PreflightSummary | undefined) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [handoff] = useState(() => receive(initialCampaignId));
  const [campaignId, setCampaignId] = useState(initialCampaignId);
  const [preflight, setPreflight] = useState<PreflightSummary | null>(handoff?.preflight ?? savedPreflight ?? null);
  const [notice, setNotice] = useState<Notice | null>(handoff ? { tone: "success", text: handoff.notice } : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [progress, setProgress] = useState<WorkProgress | null>(null);
  const [stale, setStale] = useState(false);
  // The values the shown check was made from; the check is stale once the form differs from them.
  const checked = useRef<ComposerValues | null>(null);
  // Counts the checks this page made, so the panel moves focus to a result the user just asked for, not one loaded with the draft.
  const [checks, setChecks] = useState(0);
  const running = useRef<AbortController | null>(null);
  // The fields the shown error is about; it goes once they are fixed or edited.
  const errorFields = useRef<BannerFields | null>(null);

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

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true, errors: true },
        callback: ({ values, errors }) => {
          if (errorFields.current && errors && bannerSettled(errorFields.current, errors, values)) {
            errorFields.current = null;
            setError(null);
          }
        },
      }),
    [form],
  );

  // Leaving the page stops a check (and a save that has not begun storing): nobody is left to see its answer.
  useEffect(() => () => running.current?.abort(), []);

  const showError = (text: string, paths: readonly string[] = []) => {
    errorFields.current = { paths, values: structuredClone(form.getValues()) };
    setError(text);
  };
  const begin = (kind: NonNullable<Busy>) => {
    setBusy(kind);
    errorFields.current = null;
    setError(null);
    setNotice(null);
    return structuredClone(form.getValues());
  };
  const end = () => {
    setBusy(null);
    setProgress(null);
  };
  const showCheck = (summary: PreflightSummary, from: ComposerValues) => {
    checked.current = from;
    setPreflight(summary);
    setChecks((n) => n + 1);
    setStale(!sameValues(form.getValues(), from));
  };
  const fail = (body: ErrorBody) => showError(body.message, applyFieldErrors(form.setError, body.fields));
  const onInvalid = (errors: FieldErrors<ComposerValues>) => showError(INVALID, errorPaths(errors));
  const cancel = () => running.current?.abort();
  /** handleSubmit rejects when the form's checks could not be downloaded; the next press downloads them again. */
  const unloaded = () => {
    end();
    showError(UNLOADED);
  };

  /** Sends a check or save and follows its progress; also says whether rows had begun to be stored. */
  const follow = async <T>(url: string, body: unknown): Promise<{ res: CallResult<T>; storing: boolean }> => {
    const tooLarge = inlineListTooLarge(body);
    if (tooLarge) return { res: { ok: false, error: tooLarge }, storing: false };
    const controller = new AbortController();
    running.current = controller;
    const startedAt = Date.now();
    // Written by the progress callback; an object, so the read after the await sees the last stage.
    const reached: { stage: WorkPhase } = { stage: "start" };
    setProgress({ phase: "start", rows: 0, total: null, startedAt });
    const res = await streamCall<T>(url, body, {
      signal: controller.signal,
      onProgress: ({ stage, rows, total }) => {
        reached.stage = stage;
        setProgress({ phase: stage, rows, total, startedAt });
      },
    });
    if (running.current === controller) running.current = null;
    return { res, storing: reached.stage === "store" };
  };

  /** The reason a call stopped, shown where it belongs. */
  const stopped = (kind: NonNullable<Busy>, res: Extract<CallResult<unknown>, { ok: false }>, storing: boolean) => {
    if (res.cancelled) return setNotice({ tone: "info", text: CANCELLED[kind] });
    if (storing && answerLost(res.error)) {
      // Storing is not stopped by a lost connection: the save most likely completed without us hearing of it.
      const where = campaignId ? "Reload the page to see the draft as saved." : "Look for the draft in the campaign list.";
      return showError(`${res.error.message} The rows were already being saved, and the server finishes that on its own. ${where}`);
    }
    fail(res.error);
  };

  const save = async (values: ComposerOutput, from: ComposerValues, kind: "save" | "launch"): Promise<SavedDraft | null> => {
    const { res, storing } = await follow<SavedDraft>("/api/campaigns/drafts", { campaignId, campaign: values });
    if (!res.ok) return (stopped(kind, res, storing), null);
    showCheck(res.data.preflight, from);
    setCampaignId(res.data.campaignId);
    return res.data;
  };

  // handleSubmit is called on click, not during render: its callbacks touch the `checked` ref.
  const check = () =>
    form
      .handleSubmit(async (values) => {
        const from = begin("check");
        const { res, storing } = await follow<PreflightSummary>("/api/campaigns/check", { campaignId, campaign: values });
        if (res.ok) showCheck(res.data, from);
        else stopped("check", res, storing);
        end();
      }, onInvalid)()
      .catch(unloaded);

  const saveDraft = () =>
    form
      .handleSubmit(async (values) => {
        const saved = await save(values, begin("save"), "save");
        end();
        if (!saved) return;
        setNotice({ tone: "success", text: "Draft saved" });
        if (saved.campaignId !== initialCampaignId) {
          handOver({ campaignId: saved.campaignId, preflight: saved.preflight, notice: "Draft saved" });
          router.replace(`/campaigns/${saved.campaignId}/edit`);
        }
      }, onInvalid)()
      .catch(unloaded);

  /** Saves, checks the count the user confirmed still holds, then launches. Resolves false when it stopped. */
  const launch = (confirmed: number, confirmInvalid?: number) =>
    new Promise<boolean>((resolve) => {
      void form
        .handleSubmit(
          async (values) => {
            const saved = await save(values, begin("launch"), "launch");
            if (saved && (saved.preflight.blocking.length > 0 || saved.preflight.counts.valid !== confirmed)) {
              showError(
                `The campaign now has ${formatCount(saved.preflight.counts.valid)} valid recipients, not ${formatCount(confirmed)}, or problems that block launch. Review the check and launch again.`,
              );
            } else if (saved && confirmInvalid !== undefined && saved.preflight.counts.invalid !== confirmInvalid) {
              setError(
                `The check now finds ${formatCount(saved.preflight.counts.invalid)} invalid rows, not ${formatCount(confirmInvalid)}. Review the check and launch again.`,
              );
            } else if (saved) {
              setProgress({ phase: "launch", rows: 0, total: null, startedAt: Date.now() });
              const res = await callAction(() => launchAction({ campaignId: saved.campaignId, confirmRecipients: confirmed, confirmInvalid }));
              if (res.ok) {
                // A launch may have become a request for approval: the header's count says so at once.
                void queryClient.invalidateQueries({ queryKey: PENDING_APPROVALS_KEY });
                router.push(`/campaigns/${res.data.id}`);
                return resolve(true);
              }
              fail(res.error);
            }
            end();
            resolve(false);
          },
          (errors) => (onInvalid(errors), resolve(false)),
        )()
        .catch(() => (unloaded(), resolve(false)));
    });

  return { campaignId, preflight, checks, stale, notice, error, busy, progress, check, saveDraft, launch, cancel };
}
