// The recipients benchmark's stages, driven through the automation API as a client would: upload the CSV, save a
// checked draft from the upload, save it again with only the name changed, launch it, and cancel it so the simulator
// is not asked for a million chats. Each stage is timed, and the watcher files its samples under the stage's name.
import { ApiAnswerError, BenchError, describeAnswer, expectShape, type BenchApi } from "./recipients-bench-api";
import type { BenchCsv } from "./recipients-bench-csv";
import type { ConsoleWatcher } from "./recipients-bench-sampler";
import { sleep } from "./child-process";

export const STAGES = ["upload", "checked draft", "second save", "launch", "cancel"] as const;
export type Stage = (typeof STAGES)[number];

export interface StageResult {
  stage: Stage;
  /** Undefined when the stage was skipped. */
  seconds?: number;
  note?: string;
}

export interface BenchTarget {
  instanceId: string;
  sourcePhoneNumberArn: string;
  contactFlowId: string;
}

interface Counts {
  valid: number;
  invalid: number;
  duplicate: number;
  suppressed: number;
}

const SOURCE_NUMBER = "+12065550142";
const FLOW = "Outbound SMS notifications";
const STAGE_TIMEOUT_MS = 15 * 60_000;
/** A launch may find the ledger still being written by the save; it is asked again until then. */
const LAUNCH_WAIT_MS = 5 * 60_000;

/** The simulator's seeded US SMS number and published outbound flow, found through the API. */
export async function findTarget(api: BenchApi): Promise<BenchTarget> {
  const get = <T>(pathname: string) => api.call<T>({ method: "GET", pathname, expect: 200, timeoutMs: 60_000 });
  const { instances } = await get<{ instances: { id: string; alias: string }[] }>("/api/v1/instances");
  const instance = instances.find((i) => i.alias === "acme-support");
  if (!instance) throw new BenchError(`the simulator has no acme-support instance (it has ${instances.map((i) => i.alias).join(", ") || "none"})`);
  const { numbers } = await get<{ numbers: { arn: string; phoneNumber: string }[] }>(`/api/v1/instances/${instance.id}/numbers`);
  const { flows } = await get<{ flows: { id: string; name: string; state?: string; status?: string }[] }>(`/api/v1/instances/${instance.id}/flows`);
  const number = numbers.find((n) => n.phoneNumber === SOURCE_NUMBER);
  const flow = flows.find((f) => f.name === FLOW && f.state !== "ARCHIVED" && f.status !== "SAVED");
  if (!number || !flow) throw new BenchError(`the simulator's acme-support instance lacks ${number ? `a published "${FLOW}" flow` : SOURCE_NUMBER}`);
  return { instanceId: instance.id, sourcePhoneNumberArn: number.arn, contactFlowId: flow.id };
}

/** The campaign body for an upload; the second save sends the same with another name. */
function campaignBody(name: string, target: BenchTarget, uploadId: string) {
  return {
    name,
    ...target,
    channel: "sms",
    message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}" },
    recipients: {
      format: "csv",
      uploadId,
      mapping: { phoneColumn: "phone", nameColumn: "name", attributeColumns: { plan: "plan", region: "region" }, variableColumns: {} },
    },
    sendsPerSecond: 5,
  };
}

const isCount = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0;

function countsNote(counts: Counts, csv: BenchCsv): string | undefined {
  const e = csv.expected;
  if (counts.valid === e.valid && counts.invalid === e.invalid && counts.duplicate === e.duplicate && counts.suppressed === 0) return undefined;
  return `preflight counted valid ${counts.valid}, invalid ${counts.invalid}, duplicate ${counts.duplicate}, suppressed ${counts.suppressed}; the file holds ${e.valid}, ${e.invalid}, ${e.duplicate}, 0`;
}

type RecordResult = (result: StageResult) => void;

async function timed<T>(watcher: ConsoleWatcher, stage: Stage, record: RecordResult, fn: () => Promise<{ value: T; note?: string }>): Promise<T> {
  watcher.enter(stage);
  const t0 = performance.now();
  const { value, note } = await fn();
  record({ stage, seconds: (performance.now() - t0) / 1000, note });
  return value;
}

/** Runs the stages in order, handing each result to `record` as it finishes, so a run that breaks keeps the earlier ones. */
export async function runStages(api: BenchApi, watcher: ConsoleWatcher, target: BenchTarget, csv: BenchCsv, record: RecordResult): Promise<void> {
  const uploadPath = "/api/v1/recipient-uploads?format=csv&fileName=list.csv";
  const upload = await timed(watcher, "upload", record, async () => {
    const answer = await api.call<unknown>({ method: "POST", pathname: uploadPath, csvFile: csv.file, expect: 201, timeoutMs: STAGE_TIMEOUT_MS });
    const { upload } = expectShape<{ upload: { id: string; rows: number; bytes: number } }>(
      { method: "POST", pathname: uploadPath },
      answer,
      (b) => typeof b.upload.id === "string" && isCount(b.upload.rows),
      "upload.id and upload.rows",
    );
    const note = upload.rows !== csv.rows ? `the upload counted ${upload.rows} rows; the file has ${csv.rows}` : undefined;
    return { value: upload, note };
  });

  const name = `Recipients bench ${csv.rows} ${new Date().toISOString()}`;
  const { campaignId, counts } = await timed(watcher, "checked draft", record, async () => {
    const call = { method: "POST" as const, pathname: "/api/v1/campaigns" };
    const answer = await api.call<unknown>({ ...call, json: campaignBody(name, target, upload.id), expect: 201, timeoutMs: STAGE_TIMEOUT_MS });
    const body = expectShape<{ campaign: { id: string }; preflight: { counts: Counts } }>(
      call,
      answer,
      (b) => typeof b.campaign.id === "string" && isCount(b.preflight.counts.valid),
      "campaign.id and preflight.counts",
    );
    return { value: { campaignId: body.campaign.id, counts: body.preflight.counts }, note: countsNote(body.preflight.counts, csv) };
  });

  // The v1 API may offer no way to update a draft: then the stage is reported as skipped, not as a failure.
  const resavePath = `/api/v1/campaigns/${campaignId}`;
  watcher.enter("second save");
  const t0 = performance.now();
  const resave = await api.raw({
    method: "PATCH",
    pathname: resavePath,
    json: campaignBody(`${name} (renamed)`, target, upload.id),
    timeoutMs: STAGE_TIMEOUT_MS,
  });
  if (resave.status === 404 || resave.status === 405) {
    record({
      stage: "second save",
      note: `skipped: PATCH ${resavePath} answered ${resave.status} (${describeAnswer(resave.text)}); the v1 API updates no draft`,
    });
  } else if (resave.status !== 200) {
    throw new ApiAnswerError("PATCH", resavePath, resave.status, `${describeAnswer(resave.text)} (expected HTTP 200)`);
  } else {
    record({ stage: "second save", seconds: (performance.now() - t0) / 1000 });
  }

  const launchPath = `/api/v1/campaigns/${campaignId}/launch`;
  await timed(watcher, "launch", record, async () => {
    const until = Date.now() + LAUNCH_WAIT_MS;
    let waited = 0;
    for (;;) {
      const answer = await api.raw({ method: "POST", pathname: launchPath, json: { confirmRecipients: counts.valid }, timeoutMs: STAGE_TIMEOUT_MS });
      if (answer.status === 200) return { value: undefined, note: waited ? `asked ${waited + 1} times: the ledger was still being written` : undefined };
      if (answer.status !== 409 || Date.now() > until) {
        throw new ApiAnswerError("POST", launchPath, answer.status, `${describeAnswer(answer.text)} (expected HTTP 200)`);
      }
      waited += 1;
      await sleep(1_000);
    }
  });

  const cancelPath = `/api/v1/campaigns/${campaignId}/cancel`;
  await timed(watcher, "cancel", record, async () => {
    await api.call({ method: "POST", pathname: cancelPath, expect: 200, timeoutMs: STAGE_TIMEOUT_MS });
    return { value: undefined };
  });
}
