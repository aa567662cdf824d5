import "server-only";
// The authoritative preflight: checks the campaign against Connect (instance, number, flow, template), then every
// recipient row (numbers, countries, suppression list, duplicates, placeholders, attribute sizes).
import type { ConnectGateway } from "@/lib/connect/gateway";
import { classifyConnectError } from "@/lib/connect/classify-error";
import { numberChannels } from "@/lib/connect/number-channels";
import type { Db } from "@/lib/db/types";
import { RecipientsInputError } from "@/lib/recipients/input-error";
import { parseCsv } from "@/lib/recipients/csv-parse";
import { parsePastedRecipients } from "@/lib/recipients/paste-parse";
import { preflightRecipients } from "@/lib/recipients/preflight";
import type { PreflightOptions } from "@/lib/recipients/preflight-plan";
import type { PreflightReport, PreflightRow } from "@/lib/recipients/preflight-types";
import type { RecipientMappingInput } from "@/lib/recipients/mapping";
import type { RecipientTable } from "@/lib/recipients/table";
import { allSuppressedNumbers, countSuppressions, suppressedAmong } from "@/lib/suppression/queries";
import { clientTokenFor } from "./client-token";
import type { PreflightSampleRow, PreflightSummary } from "./preflight-summary";
import { DISPLAY_NAME_VARIABLE, buildStartChatInput } from "./request";
import type { CampaignConfig } from "./schemas";

export interface PreflightLimits {
  accountSendsPerSecond: number;
  concurrentChatQuota: number;
  maxRecipientBytes: number;
}

interface ConnectCheck {
  blocking: string[];
  country?: string;
}

async function checkAgainstConnect(gateway: ConnectGateway, c: CampaignConfig): Promise<ConnectCheck> {
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
      const templates = await gateway.listMessageTemplates(message.knowledgeBaseId);
      if (!templates.some((t) => t.id === message.messageTemplateId || t.arn === message.messageTemplateId)) {
        blocking.push("The message template does not exist in the chosen knowledge base");
      }
    }
    return { blocking, country: number?.countryCode };
  } catch (err) {
    const e = classifyConnectError(err);
    return { blocking: [`Could not check the campaign with Amazon Connect: ${e.name}: ${e.message}`] };
  }
}

function recipientOptions(c: CampaignConfig, country: string | undefined) {
  const mapping = structuredClone(c.recipients.mapping);
  const options: PreflightOptions = {
    defaultCountry: c.recipients.defaultCountry,
    allowedCountries: country ? [country] : undefined,
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

export function parseRecipients(c: CampaignConfig, maxBytes: number) {
  const bytes = Buffer.byteLength(c.recipients.text, "utf8");
  if (bytes > maxBytes) {
    throw new RecipientsInputError(`The recipients are ${(bytes / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB.`, undefined, {
      "recipients.text": "Too large",
    });
  }
  return c.recipients.format === "csv" ? parseCsv(c.recipients.text) : parsePastedRecipients(c.recipients.text);
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

// Up to this many suppressed numbers are read into memory for a single preflight pass; a longer list is looked up
// for just the numbers of this campaign, which costs a second pass.
const SUPPRESSION_IN_MEMORY = 200_000;

async function preflightWithSuppression(db: Db, table: RecipientTable, mapping: RecipientMappingInput, options: PreflightOptions): Promise<PreflightReport> {
  if ((await countSuppressions(db)) <= SUPPRESSION_IN_MEMORY) {
    const all = await allSuppressedNumbers(db);
    return preflightRecipients(table, mapping, { ...options, isSuppressed: (e164) => all.has(e164) });
  }
  const first = preflightRecipients(table, mapping, options);
  const candidates = first.rows.flatMap((r) => (r.status === "valid" || r.status === "duplicate" ? [r.e164] : []));
  const suppressed = await suppressedAmong(db, Array.from(new Set(candidates)));
  return suppressed.size === 0 ? first : preflightRecipients(table, mapping, { ...options, isSuppressed: (e164) => suppressed.has(e164) });
}

export async function runServerPreflight(
  db: Db,
  gateway: ConnectGateway,
  c: CampaignConfig,
  limits: PreflightLimits,
  campaignId?: string,
): Promise<{ summary: PreflightSummary; report: PreflightReport }> {
  const [connect, table] = await Promise.all([checkAgainstConnect(gateway, c), Promise.resolve().then(() => parseRecipients(c, limits.maxRecipientBytes))]);
  const { mapping, options } = recipientOptions(c, connect.country);
  const report = await preflightWithSuppression(db, table, mapping, options);

  const blocking = [...connect.blocking];
  const warnings: string[] = [];
  if (report.counts.valid === 0) blocking.push("No recipient can be contacted: every row is invalid, duplicate or suppressed");
  // WhatsApp lets a business open a conversation only with an approved template.
  if (c.channel === "whatsapp" && c.message.kind !== "template") blocking.push("WhatsApp campaigns need a message template to start the conversation");
  if (c.message.kind === "none" && c.channel === "sms") warnings.push("No initial message: the contact flow must send the first message itself");
  const sendsPerSecond = Math.min(c.sendsPerSecond, limits.accountSendsPerSecond);
  if (c.sendsPerSecond > limits.accountSendsPerSecond) warnings.push(`Sends per second capped at the account rate of ${limits.accountSendsPerSecond}`);
  const projectedOpenChats = Math.min(report.counts.valid, Math.ceil(sendsPerSecond * c.chatDurationMinutes * 60));
  if (projectedOpenChats > limits.concurrentChatQuota) {
    warnings.push(
      `About ${projectedOpenChats.toLocaleString("en-US")} chats would be open at once, above the instance quota of ${limits.concurrentChatQuota.toLocaleString("en-US")}: sending will wait for chats to end`,
    );
  }

  const valid = report.samples.valid;
  const first = valid[0];
  const sampleRequest = first
    ? buildStartChatInput(
        c,
        { phone: first.e164, name: first.name, attributes: first.attributes, variables: first.variables, message: first.message },
        clientTokenFor(campaignId ?? "preview", first.e164),
      )
    : null;
  const previews = valid.slice(0, 3).map((r) => ({
    phone: r.e164,
    name: r.name ?? null,
    message: r.message ?? null,
    templateVariables:
      c.message.kind === "template" ? (buildStartChatInput(c, { phone: r.e164, variables: r.variables }, "-").template?.customAttributes ?? {}) : null,
  }));

  const summary: PreflightSummary = {
    total: report.total,
    counts: report.counts,
    samples: {
      valid: report.samples.valid.map(sampleRow),
      invalid: report.samples.invalid.map(sampleRow),
      duplicate: report.samples.duplicate.map(sampleRow),
      suppressed: report.samples.suppressed.map(sampleRow),
    },
    blocking,
    warnings,
    sampleRequest,
    previews,
    sendsPerSecond,
    accountSendsPerSecond: limits.accountSendsPerSecond,
    projectedOpenChats,
    concurrentChatQuota: limits.concurrentChatQuota,
    estimatedSeconds: sendsPerSecond > 0 ? Math.ceil(report.counts.valid / sendsPerSecond) : 0,
    columns: table.header,
  };
  return { summary, report };
}
