import "server-only";
// The authoritative preflight: checks the campaign against Connect (instance, number, flow, template), then every
// recipient row (numbers, countries, suppression list, duplicates, placeholders, attribute sizes). Rows stream through
// in batches: read, checked, handed to a sink (the ledger writer when saving), and let go; only the tally stays.
import type { CountryCode } from "libphonenumber-js/core";
import type { ConnectGateway } from "@/lib/connect/gateway";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { numberChannels } from "@/lib/connect/number-channels";
import type { Db } from "@/lib/db/types";
import { isCountryCode, normalizePhone } from "@/lib/recipients/normalize-phone";
import { createPreflightChecker } from "@/lib/recipients/preflight";
import type { PreflightOptions } from "@/lib/recipients/preflight-plan";
import type { PreflightRow, PreflightTally } from "@/lib/recipients/preflight-types";
import { readRecipientBatches } from "@/lib/recipients/read-list";
import { readSendWindowSetting } from "@/lib/settings/send-window";
import type { RecipientRow } from "@/lib/recipients/table";
import { allSuppressedNumbers, countSuppressions, suppressedAmong } from "@/lib/suppression/queries";
import { rememberCheck } from "./checked-lists";
import { clientTokenFor } from "./client-token";
import { recipientsFingerprint } from "./fingerprint";
import { invalidReasons } from "./invalid-reasons";
import { frequencyCapCheck } from "./preflight-frequency-caps";
import { makeCampaignPlan, planInputFor, type CapacityFacts } from "./campaign-plan";
import { capacityFacts } from "./plan-facts";
import type { LaunchConfirmRules, PreflightSampleRow, PreflightSummary } from "./preflight-summary";
import { resolveRecipientSource, type RecipientSource } from "./recipient-source";
import { DISPLAY_NAME_VARIABLE, buildStartChatInput } from "./request";
import type { CampaignConfig } from "./schemas";
import { windowForCampaign } from "@/lib/settings/send-window-schema";
import { createSendWindowTally, planWindows, sendWindowWarnings, summarizeSendWindow, type SendWindowFacts } from "./send-window-preflight";
import { recipientZones } from "./send-window-zones";

export interface PreflightLimits {
  accountSendsPerSecond: number;
  concurrentChatQuota: number;
  maxRecipientBytes: number;
  launchConfirm?: LaunchConfirmRules;
}

export interface PreflightProgress {
  stage: "read" | "check" | "store";
  rows: number;
  total: number | null;
}

export interface PreflightRunOptions {
  onProgress?(p: PreflightProgress): void;
  /** Aborting stops reading and checking with the signal's reason. */
  signal?: AbortSignal;
}

export interface ConnectCheck {
  blocking: string[];
  country?: string;
  /** Connect's PhoneNumberType of the source number (DID, TOLL_FREE, SHORT_CODE…): its default throughput. */
  numberType?: string;
  /** What the console's own records say bounds the campaign besides its settings (open chats, other campaigns…). */
  capacity?: CapacityFacts;
}

/** Connect's answer and the console's capacity facts, read together before anything is written. */
export async function checkCampaignWorld(db: Db, gateway: ConnectGateway, c: CampaignConfig, campaignId: string | undefined): Promise<ConnectCheck> {
  const [connect, capacity] = await Promise.all([checkAgainstConnect(gateway, c), capacityFacts(db, c, campaignId)]);
  return { ...connect, capacity };
}

export async function checkAgainstConnect(gateway: ConnectGateway, c: CampaignConfig): Promise<ConnectCheck> {
  const blocking: string[] = [];
  try {
    const [numbers, flows] = await Promise.all([gateway.listPhoneNumbers(c.instanceId), gateway.listContactFlows(c.instanceId)]);
    const number = numbers.find((n) => n.arn === c.sourcePhoneNumberArn);
    if (!number) blocking.push("The source number is not claimed by this Connect instance");
    else if (!numberChannels(number)[c.channel])
      blocking.push(`The source number ${number.phoneNumber} cannot send ${c.channel === "sms" ? "SMS" : "WhatsApp"} messages`);
    const flow = flows.find((f) => f.id === c.contactFlowId);
    if (!flow) blocking.push("The contact flow does not exist in this Connect instance");
    else if (flow.state === "ARCHIVED") blocking.push(`The contact flow "${flow.name}" is archived`);
    else if (flow.status === "SAVED") blocking.push(`The contact flow "${flow.name}" is saved but not published`);
    const message = c.message;
    if (message.kind === "template") {
      // A malformed id names no template either: both answers mean the same to the person composing.
      const template = await gateway.getMessageTemplate(message.knowledgeBaseId, message.messageTemplateId).catch((err: unknown) => {
        const name = classifyConnectError(err).name;
        if (name === "ResourceNotFoundException" || name === "ValidationException") return null;
        throw err;
      });
      if (!template) blocking.push("The message template does not exist in the chosen knowledge base");
      for (const name of template?.variables ?? []) {
        const source = Object.hasOwn(message.variables, name) ? message.variables[name] : undefined;
        // A blank fixed value fills nothing: Connect would send the placeholder as written.
        if (!source || ("value" in source && source.value.trim() === "")) {
          blocking.push(`The template needs {{${name}}}: map a column or give a fixed value`);
        }
      }
    }
    return { blocking, country: number?.countryCode, numberType: number?.type };
  } catch (err) {
    const e = classifyConnectError(err);
    return { blocking: [`Could not check the campaign with Amazon Connect: ${e.name}: ${e.message}`] };
  }
}

export function recipientOptions(c: CampaignConfig, country: string | undefined) {
  const mapping = structuredClone(c.recipients.mapping);
  const options: PreflightOptions = {
    defaultCountry: c.recipients.defaultCountry,
    // SMS numbers reach their own country only; WhatsApp reaches any country from any number.
    allowedCountries: country && c.channel === "sms" ? [country] : undefined,
    rejectLandlines: c.channel === "sms",
    fixedAttributes: c.attributes,
  };
  if (c.message.kind === "text") options.messageTemplate = c.message.text;
  if (c.message.kind === "template") {
    const fixed: Record<string, string> = {};
    for (const [name, source] of Object.entries(c.message.variables)) {
      if ("value" in source) fixed[name] = source.value;
      else mapping.variableColumns[source.column] ??= name;
    }
    options.requiredVariables = Object.keys(c.message.variables);
    options.fixedVariables = fixed;
  }
  const display = c.participantDisplayName;
  if (display.mode === "column" && display.column !== mapping.nameColumn) mapping.variableColumns[display.column] ??= DISPLAY_NAME_VARIABLE;
  return { mapping, options };
}

// Up to this many suppressed numbers are read into memory once; a longer list is asked about each batch's numbers.
const SUPPRESSION_IN_MEMORY = 200_000;

type SuppressionCheck = (rows: readonly RecipientRow[], header: readonly string[]) => Promise<(e164: string) => boolean>;

async function suppressionCheck(db: Db, c: CampaignConfig, inMemoryMax: number): Promise<SuppressionCheck> {
  if ((await countSuppressions(db)) <= inMemoryMax) {
    const all = await allSuppressedNumbers(db);
    const isSuppressed = (e164: string) => all.has(e164);
    return async () => isSuppressed;
  }
  const country = c.recipients.defaultCountry && isCountryCode(c.recipients.defaultCountry) ? (c.recipients.defaultCountry as CountryCode) : undefined;
  return async (rows, header) => {
    const column = header.indexOf(c.recipients.mapping.phoneColumn);
    const numbers: string[] = [];
    for (const row of rows) {
      const phone = normalizePhone(row.cells[column] ?? "", country);
      if (phone.ok) numbers.push(phone.e164);
    }
    const found = await suppressedAmong(db, numbers);
    return (e164) => found.has(e164);
  };
}

export interface CheckedList {
  tally: PreflightTally;
  header: string[];
  /** Valid rows per set of time zones, when the campaign keeps to a send window. */
  sendWindow?: SendWindowFacts;
}

export interface CheckListOptions extends PreflightRunOptions {
  /** Receives each checked batch in source order before the next is read. */
  sink?: (rows: PreflightRow[]) => Promise<void>;
  /** The stage progress reports name. */
  stage: "check" | "store";
  batchRows?: number;
  /** Longest suppression list read into memory at once; above it each batch's numbers are looked up. */
  suppressionInMemoryMax?: number;
}

/** Reads and checks every row of the list, a batch at a time; throws RecipientsInputError for a list that cannot work. */
export async function checkRecipientList(
  db: Db,
  source: RecipientSource,
  c: CampaignConfig,
  country: string | undefined,
  o: CheckListOptions,
): Promise<CheckedList> {
  const { mapping, options } = recipientOptions(c, country);
  const suppressed = await suppressionCheck(db, c, o.suppressionInMemoryMax ?? SUPPRESSION_IN_MEMORY);
  const window = windowForCampaign(await readSendWindowSetting(db), c.sendWindow);
  const zones = window ? createSendWindowTally(window, recipientZones) : undefined;
  const total = source.rowCount;
  o.onProgress?.({ stage: o.stage === "check" ? "read" : o.stage, rows: 0, total });
  let checker: ReturnType<typeof createPreflightChecker> | undefined;
  let header: string[] = [];
  let done = 0;
  for await (const batch of readRecipientBatches(source.format, source.text, { batchRows: o.batchRows, signal: o.signal })) {
    header = batch.header;
    checker ??= createPreflightChecker(batch.header, mapping, options);
    const isSuppressed = await suppressed(batch.rows, batch.header);
    o.signal?.throwIfAborted();
    const checked = checker.checkBatch(batch.rows, { isSuppressed });
    if (zones) for (const row of checked) if (row.status === "valid") zones.add(row.e164, row.timeZone);
    if (o.sink) await o.sink(checked);
    done += checked.length;
    o.onProgress?.({ stage: o.stage, rows: done, total });
  }
  // A list without rows still has its mapping checked, so the answer names the missing column.
  checker ??= createPreflightChecker(header, mapping, options);
  return { tally: checker.tally(), header, ...(zones ? { sendWindow: zones.facts() } : {}) };
}

/** The list's header, from its first rows only (an upload was read whole when it was stored). */
export async function readHeader(source: RecipientSource): Promise<{ header: string[] }> {
  for await (const batch of readRecipientBatches(source.format, source.text, { batchRows: 1 })) return { header: batch.header };
  return { header: [] };
}

/** What a summary needs to know about the rows: counts and samples, and the first valid rows in full. */
export interface RecipientFacts {
  total: number;
  counts: PreflightSummary["counts"];
  invalidByProblem: PreflightTally["invalidByProblem"];
  smsSegments?: PreflightTally["smsSegments"];
  samples: PreflightSummary["samples"];
  columns: string[];
  firstValid: { e164: string; name?: string; attributes: Record<string, string>; variables: Record<string, string>; message?: string }[];
  sendWindow?: SendWindowFacts;
}

function sampleRow(r: PreflightRow): PreflightSampleRow {
  return {
    line: r.line,
    phoneRaw: r.phoneRaw,
    phone: "e164" in r ? (r.e164 ?? null) : null,
    name: r.name ?? null,
    status: r.status,
    reason: r.status === "valid" ? null : r.reason,
    duplicateOfLine: r.status === "duplicate" ? r.duplicateOfLine : null,
  };
}

export function factsOf(list: CheckedList): RecipientFacts {
  const { tally } = list;
  return {
    total: tally.total,
    counts: tally.counts,
    invalidByProblem: tally.invalidByProblem,
    ...(tally.smsSegments ? { smsSegments: tally.smsSegments } : {}),
    samples: {
      valid: tally.samples.valid.map(sampleRow),
      invalid: tally.samples.invalid.map(sampleRow),
      duplicate: tally.samples.duplicate.map(sampleRow),
      suppressed: tally.samples.suppressed.map(sampleRow),
    },
    columns: list.header,
    firstValid: tally.samples.valid.slice(0, 3),
    ...(list.sendWindow ? { sendWindow: list.sendWindow } : {}),
  };
}

// Facts for a summary made without the console's records (tests, or a check that could not read them): an idle world.
const NO_CAPACITY_FACTS: CapacityFacts = { openChats: 0, otherCampaigns: [], whatsAppDailyLimit: null, whatsAppPrior: [] };

/** The summary of a campaign: Connect's answer, the rows' facts, and what the capacity planner makes of them. */
export function buildSummary(c: CampaignConfig, limits: PreflightLimits, connect: ConnectCheck, facts: RecipientFacts, campaignId?: string): PreflightSummary {
  const blocking = [...connect.blocking];
  const warnings: string[] = [];
  if (facts.counts.valid === 0) blocking.push("No recipient can be contacted: every row is invalid, duplicate or suppressed");
  // WhatsApp lets a business open a conversation only with an approved template.
  if (c.channel === "whatsapp" && c.message.kind !== "template") blocking.push("WhatsApp campaigns need a message template to start the conversation");
  if (c.message.kind === "none" && c.channel === "sms") warnings.push("No initial message: the contact flow must send the first message itself");
  const sendsPerSecond = Math.min(c.sendsPerSecond, limits.accountSendsPerSecond);
  if (c.sendsPerSecond > limits.accountSendsPerSecond) warnings.push(`Sends per second capped at the account rate of ${limits.accountSendsPerSecond}`);
  const capacity = connect.capacity ?? NO_CAPACITY_FACTS;
  const now = new Date();
  const scheduled = c.schedule.mode === "at" && Date.parse(c.schedule.at) > now.getTime();
  const startAt = scheduled && c.schedule.mode === "at" ? new Date(c.schedule.at) : now;
  const windowSummary = facts.sendWindow ? summarizeSendWindow(facts.sendWindow, startAt) : undefined;
  if (windowSummary) warnings.push(...sendWindowWarnings(windowSummary, facts.counts.valid, startAt, scheduled));
  const windows = facts.sendWindow ? planWindows(facts.sendWindow, startAt) : undefined;
  const plan = makeCampaignPlan({
    ...planInputFor(
      { ...c, startsAt: c.schedule.mode === "at" ? c.schedule.at : undefined },
      limits,
      { numberType: connect.numberType, numberCountry: connect.country },
      capacity,
      facts.counts.valid,
      now,
    ),
    ...(windows ? { windows } : {}),
  });
  // The chats open at once when sending is steady: those already open on the instance, and this campaign's own.
  const projectedOpenChats = capacity.openChats + Math.min(facts.counts.valid, Math.ceil(sendsPerSecond * plan.lifetime.seconds));
  if (plan.blockedBy) warnings.push(`This campaign cannot finish as things stand: ${plan.blockedBy.reason}`);
  else if (plan.binding === "chat-capacity") warnings.push(`Sending will wait for chats to end (${plan.bindingWords})`);

  const first = facts.firstValid[0];
  const sampleRequest = first
    ? buildStartChatInput(
        c,
        { phone: first.e164, name: first.name, attributes: first.attributes, variables: first.variables, message: first.message },
        clientTokenFor(campaignId ?? "preview", first.e164),
      )
    : null;
  const previews = facts.firstValid.slice(0, 3).map((r) => ({
    phone: r.e164,
    name: r.name ?? null,
    message: r.message ?? null,
    templateVariables:
      c.message.kind === "template" ? (buildStartChatInput(c, { phone: r.e164, variables: r.variables }, "-").template?.customAttributes ?? {}) : null,
  }));

  return {
    total: facts.total,
    counts: facts.counts,
    invalidReasons: invalidReasons(facts.invalidByProblem, connect.country, c.recipients.defaultCountry),
    ...(connect.country ? { sourceCountry: connect.country } : {}),
    ...(facts.smsSegments ? { smsSegments: facts.smsSegments } : {}),
    ...(limits.launchConfirm ? { launchConfirm: limits.launchConfirm } : {}),
    samples: facts.samples,
    blocking,
    warnings,
    sampleRequest,
    previews,
    sendsPerSecond,
    accountSendsPerSecond: limits.accountSendsPerSecond,
    projectedOpenChats,
    concurrentChatQuota: limits.concurrentChatQuota,
    estimatedSeconds: plan.seconds,
    plan,
    ...(windowSummary ? { sendWindow: windowSummary } : {}),
    columns: facts.columns,
  };
}

export interface ServerPreflight {
  summary: PreflightSummary;
  facts: RecipientFacts;
  connect: ConnectCheck;
  source: RecipientSource;
  fingerprint: string;
}

/** The check the composer and the API ask for: Connect, then every row, storing nothing. */
export async function runServerPreflight(
  db: Db,
  gateway: ConnectGateway,
  c: CampaignConfig,
  limits: PreflightLimits,
  o: PreflightRunOptions & { campaignId?: string } = {},
): Promise<ServerPreflight> {
  const [source, connect] = await Promise.all([
    resolveRecipientSource(db, c.recipients, limits.maxRecipientBytes),
    checkCampaignWorld(db, gateway, c, o.campaignId),
  ]);
  const fingerprint = recipientsFingerprint(source, c, connect.country);
  const facts = factsOf(await checkRecipientList(db, source, c, connect.country, { ...o, stage: "check" }));
  rememberCheck(fingerprint, facts);
  const summary = buildSummary(c, limits, connect, facts, o.campaignId);
  const caps = o.campaignId ? await frequencyCapCheck(db, c, o.campaignId, fingerprint) : undefined;
  if (caps) {
    summary.frequencyCap = caps.summary;
    summary.warnings.push(...caps.warnings);
  }
  return { summary, facts, connect, source, fingerprint };
}
