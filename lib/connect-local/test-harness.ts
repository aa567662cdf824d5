// Starts a simulator on a free port with SDK clients pointed at it; shared by the simulator and gateway tests.
import { ConnectClient } from "@aws-sdk/client-connect";
import { QConnectClient } from "@aws-sdk/client-qconnect";
import { SQSClient } from "@aws-sdk/client-sqs";
import { Catalog } from "./catalog";
import type { ConnectLocalConfigPatch } from "./config";
import { loadSeed } from "./load-seed";
import { listLocalContacts, listLocalEvents } from "./local-listing";
import type { ConnectLocalOptions } from "./options";
import { startConnectLocal } from "./server";
import { afterAll, beforeAll, beforeEach } from "vitest";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export const catalog = new Catalog(loadSeed());

function instanceByAlias(alias: string) {
  const instance = catalog.instances.find((candidate) => candidate.alias === alias);
  if (!instance) throw new Error(`seed has no instance ${alias}`);
  return instance;
}

function flowByName(instanceId: string, name: string) {
  const flow = catalog.flows(instanceId).find((candidate) => candidate.name === name);
  if (!flow) throw new Error(`seed has no flow ${name}`);
  return flow;
}

function numberWhere(predicate: (number: Catalog["phoneNumbers"][number]) => boolean) {
  const number = catalog.phoneNumbers.find(predicate);
  if (!number) throw new Error("seed has no matching phone number");
  return number;
}

const support = instanceByAlias("acme-support");
const marketing = instanceByAlias("acme-marketing");
const templatesKb = catalog.knowledgeBases.find((kb) => kb.type === "MESSAGE_TEMPLATES");
if (!templatesKb) throw new Error("seed has no MESSAGE_TEMPLATES knowledge base");

/** Named seed entries the tests use, looked up rather than copied so the seed can change. */
export const fixtures = {
  instance: support,
  otherInstance: marketing,
  otherSmsFlow: flowByName(marketing.id, "Outbound SMS marketing"),
  smsFlow: flowByName(support.id, "Outbound SMS notifications"),
  archivedFlow: flowByName(support.id, "Legacy SMS survey"),
  draftFlow: flowByName(support.id, "Appointment reminders (draft)"),
  inboundFlow: flowByName(support.id, "Inbound messaging"),
  /** Sends its message and disconnects after its endsChatAfterSeconds. */
  sendAndDisconnectFlow: flowByName(support.id, "Send and disconnect"),
  queueFlow: flowByName(support.id, "Default customer queue"),
  /** Serves SMS and WhatsApp. */
  dualNumber: numberWhere((n) => n.instanceId === support.id && n.channels.length === 2),
  smsOnlyNumber: numberWhere((n) => n.instanceId === support.id && n.channels.length === 1 && n.channels[0] === "SMS"),
  otherInstanceNumber: numberWhere((n) => n.instanceId === marketing.id),
  /** WhatsApp only, in the same business account as dualNumber. */
  whatsAppOnlyNumber: numberWhere((n) => n.instanceId === support.id && n.channels.length === 1 && n.channels[0] === "WHATSAPP"),
  otherWhatsAppNumber: numberWhere((n) => n.instanceId === marketing.id && n.channels.includes("WHATSAPP")),
  templatesKb,
  whatsappTemplate: catalog.templates(templatesKb.id).find((t) => t.channelSubtype === "WHATSAPP")!,
  smsTemplate: catalog.templates(templatesKb.id).find((t) => t.channelSubtype === "SMS")!,
  otherKb: catalog.knowledgeBases.find((kb) => kb.id !== templatesKb.id)!,
};

/** A valid StartOutboundChatContact body; tests break one member at a time. */
export function outboundChatRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    InstanceId: fixtures.instance.id,
    ContactFlowId: fixtures.smsFlow.id,
    SourceEndpoint: { Type: "CONNECT_PHONENUMBER_ARN", Address: fixtures.dualNumber.arn },
    DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: "+15555550100" },
    SegmentAttributes: { "connect:Subtype": { ValueString: "connect:SMS" } },
    ...overrides,
  };
}

export interface LocalContactView {
  contactId: string;
  clientToken: string | null;
  status: "active" | "ended";
  direction: string;
  disconnectReason: string | null;
  receivedAt: string;
  request: unknown;
}

export async function startHarness(options: Omit<ConnectLocalOptions, "port"> = {}) {
  // Generous quotas unless a test asks otherwise, so only the quota tests meet them.
  const config: ConnectLocalConfigPatch = { rate: 10_000, burst: 10_000, ...options.config };
  const server = await startConnectLocal({ log: false, ...options, config, port: 0 });
  const clientConfig = {
    endpoint: server.url,
    region: catalog.region,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  };
  const connect = new ConnectClient(clientConfig);
  const qconnect = new QConnectClient(clientConfig);
  const sqs = new SQSClient(clientConfig);

  async function raw(method: string, path: string, body?: unknown) {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      errorType: response.headers.get("x-amzn-errortype"),
      requestId: response.headers.get("x-amzn-requestid"),
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown> & { Message?: string },
    };
  }

  return {
    server,
    connect,
    qconnect,
    sqs,
    raw,
    async setConfig(patch: ConnectLocalConfigPatch) {
      const response = await raw("PUT", "/_local/config", patch);
      if (response.status !== 200) throw new Error(`config rejected: ${JSON.stringify(response.body)}`);
      return response.body;
    },
    /** Moves simulated time forward at once; pair with a near-zero clockSpeed for exact steps. */
    async advanceClock(seconds: number) {
      const response = await raw("POST", "/_local/clock", { advanceSeconds: seconds });
      if (response.status !== 200) throw new Error(`clock change rejected: ${JSON.stringify(response.body)}`);
    },
    /** Every contact and integration event, read through all pages. */
    async contacts() {
      return {
        contacts: await listLocalContacts<LocalContactView>(server.url),
        events: await listLocalEvents<{ contactId: string | null; outcome: string }>(server.url),
      };
    },
    async reset() {
      await raw("POST", "/_local/reset");
      await raw("PUT", "/_local/config", { rate: 10_000, burst: 10_000, ...options.config });
    },
    async close() {
      connect.destroy();
      qconnect.destroy();
      sqs.destroy();
      await server.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * One simulator for the calling test file: started before its first test, reset before each (so no test sees another's
 * contacts or config), closed after the last. Call it at the top level of the file.
 */
export function harnessForFile(options: Omit<ConnectLocalOptions, "port"> = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    Object.assign(h, await startHarness(options));
  });
  beforeEach(async () => {
    await h.reset();
  });
  afterAll(async () => {
    await h.close();
  });
  return h;
}
