import {
  DescribeInstanceCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListContactFlowsCommand,
  ListInstancesCommand,
  ResourceNotFoundException,
  paginateListContactFlows,
  paginateListInstances,
  paginateListPhoneNumbersV2,
  paginateListQueues,
} from "@aws-sdk/client-connect";
import { ListMessageTemplatesCommand, paginateListKnowledgeBases, paginateListMessageTemplates } from "@aws-sdk/client-qconnect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog, fixtures, startHarness, type Harness } from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

describe("instances", () => {
  it("pages through every instance with the SDK paginator", async () => {
    const pages = await collect(paginateListInstances({ client: h.connect, pageSize: 1 }, {}));
    expect(pages).toHaveLength(catalog.instances.length);
    expect(pages.at(-1)?.NextToken).toBeUndefined();
    const summaries = pages.flatMap((page) => page.InstanceSummaryList ?? []);
    expect(summaries.map((s) => s.Id)).toEqual(catalog.instances.map((i) => i.id));
    const first = summaries[0];
    expect(first?.CreatedTime).toBeInstanceOf(Date);
    expect(first?.InstanceAccessUrl).toBe(`https://${first?.InstanceAlias}.my.connect.aws`);
    expect(new Set(summaries.map((s) => s.InstanceStatus)).size).toBeGreaterThan(1);
  });

  it("rejects MaxResults outside 1-10 and a foreign NextToken", async () => {
    await expect(h.connect.send(new ListInstancesCommand({ MaxResults: 11 }))).rejects.toBeInstanceOf(InvalidRequestException);
    await expect(h.connect.send(new ListInstancesCommand({ MaxResults: 0 }))).rejects.toThrow(/MaxResults must be between 1 and 10/);
    await expect(h.connect.send(new ListInstancesCommand({ NextToken: "garbage" }))).rejects.toThrow(/NextToken is not valid/);
    const flowsPage = await h.connect.send(new ListContactFlowsCommand({ InstanceId: fixtures.instance.id, MaxResults: 1 }));
    expect(flowsPage.NextToken).toBeTruthy();
    await expect(h.connect.send(new ListInstancesCommand({ NextToken: flowsPage.NextToken }))).rejects.toBeInstanceOf(InvalidRequestException);
  });

  it("describes one instance and 404s an unknown one", async () => {
    const { Instance } = await h.connect.send(new DescribeInstanceCommand({ InstanceId: fixtures.instance.id }));
    expect(Instance?.InstanceAlias).toBe(fixtures.instance.alias);
    expect(Instance?.Tags).toEqual(fixtures.instance.tags);
    expect(Instance?.CreatedTime?.toISOString()).toBe(new Date(fixtures.instance.createdTime).toISOString());
    await expect(h.connect.send(new DescribeInstanceCommand({ InstanceId: "missing" }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe("flows, numbers, queues", () => {
  it("collects all flows across pages and filters by type", async () => {
    const pages = await collect(paginateListContactFlows({ client: h.connect, pageSize: 3 }, { InstanceId: fixtures.instance.id }));
    const expected = catalog.flows(fixtures.instance.id);
    expect(pages.length).toBe(Math.ceil(expected.length / 3));
    const flows = pages.flatMap((page) => page.ContactFlowSummaryList ?? []);
    expect(flows.map((f) => f.Id).sort()).toEqual(expected.map((f) => f.id).sort());
    expect(new Set(flows.map((f) => f.ContactFlowState))).toEqual(new Set(["ACTIVE", "ARCHIVED"]));

    const onlyQueues = await h.connect.send(
      new ListContactFlowsCommand({ InstanceId: fixtures.instance.id, ContactFlowTypes: ["CUSTOMER_QUEUE", "CAMPAIGN"] }),
    );
    expect(onlyQueues.ContactFlowSummaryList?.map((f) => f.ContactFlowType).sort()).toEqual(["CAMPAIGN", "CUSTOMER_QUEUE"]);
  });

  it("rejects a bad flow type, MaxResults out of range, a token from other filters and an unknown instance", async () => {
    const badType = await h.raw("GET", `/contact-flows-summary/${fixtures.instance.id}?contactFlowTypes=NOPE`);
    expect(badType).toMatchObject({ status: 400, errorType: "InvalidParameterException" });
    expect(badType.body.Message).toMatch(/ContactFlowTypes\[0\] value "NOPE"/);
    await expect(h.connect.send(new ListContactFlowsCommand({ InstanceId: fixtures.instance.id, MaxResults: 1001 }))).rejects.toBeInstanceOf(
      InvalidParameterException,
    );
    const page = await h.connect.send(new ListContactFlowsCommand({ InstanceId: fixtures.instance.id, MaxResults: 1 }));
    await expect(
      h.connect.send(new ListContactFlowsCommand({ InstanceId: fixtures.instance.id, ContactFlowTypes: ["CAMPAIGN"], NextToken: page.NextToken })),
    ).rejects.toThrow(/NextToken is not valid/);
    await expect(h.connect.send(new ListContactFlowsCommand({ InstanceId: "missing" }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it("lists phone numbers of one instance with their End User Messaging ARN", async () => {
    const pages = await collect(paginateListPhoneNumbersV2({ client: h.connect, pageSize: 1 }, { InstanceId: fixtures.instance.id }));
    const numbers = pages.flatMap((page) => page.ListPhoneNumbersSummaryList ?? []);
    const expected = catalog.phoneNumbers.filter((n) => n.instanceId === fixtures.instance.id);
    expect(numbers.map((n) => n.PhoneNumberArn)).toEqual(expected.map((n) => n.arn));
    expect(numbers.every((n) => n.InstanceId === fixtures.instance.id && n.TargetArn === fixtures.instance.arn)).toBe(true);
    expect(numbers.every((n) => n.SourcePhoneNumberArn?.startsWith("arn:aws:"))).toBe(true);
    expect(new Set(numbers.map((n) => n.PhoneNumberCountryCode)).size).toBeGreaterThan(1);

    const everywhere = await collect(paginateListPhoneNumbersV2({ client: h.connect }, {}));
    expect(everywhere.flatMap((p) => p.ListPhoneNumbersSummaryList ?? [])).toHaveLength(catalog.phoneNumbers.length);
    const gb = await h.raw("POST", "/phone-number/list", { PhoneNumberCountryCodes: ["GB"], PhoneNumberTypes: ["DID"] });
    const gbNumbers = gb.body.ListPhoneNumbersSummaryList as { PhoneNumberCountryCode: string }[];
    expect(gbNumbers.length).toBeGreaterThan(0);
    expect(gbNumbers.every((n) => n.PhoneNumberCountryCode === "GB")).toBe(true);
    const prefixed = await h.raw("POST", "/phone-number/list", { PhoneNumberPrefix: "+44" });
    expect((prefixed.body.ListPhoneNumbersSummaryList as unknown[]).length).toBe(gbNumbers.length);
  });

  it("validates ListPhoneNumbersV2 filters", async () => {
    const cases: [unknown, RegExp, number][] = [
      [{ MaxResults: 0 }, /MaxResults must be between 1 and 1000/, 400],
      [{ PhoneNumberTypes: ["CARRIER"] }, /PhoneNumberTypes\[0\] value "CARRIER"/, 400],
      [{ PhoneNumberCountryCodes: ["usa"] }, /not an ISO 3166/, 400],
      [{ PhoneNumberPrefix: "44" }, /PhoneNumberPrefix "44"/, 400],
      [{ InstanceId: fixtures.instance.id, TargetArn: fixtures.instance.arn }, /not both/, 400],
      [{ NextToken: "bad" }, /NextToken is not valid/, 400],
      [{ InstanceId: "missing" }, /Instance missing not found/, 404],
      [{ TargetArn: "arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/x" }, /TargetArn/, 404],
    ];
    for (const [body, message, status] of cases) {
      const response = await h.raw("POST", "/phone-number/list", body);
      expect(response.status).toBe(status);
      expect(response.errorType).toBe(status === 400 ? "InvalidParameterException" : "ResourceNotFoundException");
      expect(response.body.Message).toMatch(message);
    }
  });

  it("lists queues with timestamps and a type filter", async () => {
    const pages = await collect(paginateListQueues({ client: h.connect, pageSize: 2 }, { InstanceId: fixtures.instance.id }));
    const queues = pages.flatMap((page) => page.QueueSummaryList ?? []);
    expect(queues).toHaveLength(catalog.queues(fixtures.instance.id).length);
    expect(queues[0]?.LastModifiedTime).toBeInstanceOf(Date);
    const standard = await collect(paginateListQueues({ client: h.connect }, { InstanceId: fixtures.instance.id, QueueTypes: ["STANDARD"] }));
    expect(standard.flatMap((p) => p.QueueSummaryList ?? []).every((q) => q.QueueType === "STANDARD")).toBe(true);
  });
});

describe("Q in Connect", () => {
  it("lists knowledge bases and WhatsApp templates with RFC 3339 dates", async () => {
    const kbs = (await collect(paginateListKnowledgeBases({ client: h.qconnect, pageSize: 1 }, {}))).flatMap((page) => page.knowledgeBaseSummaries ?? []);
    expect(kbs.map((kb) => kb.knowledgeBaseId)).toEqual(catalog.knowledgeBases.map((kb) => kb.id));
    expect(kbs.find((kb) => kb.knowledgeBaseId === fixtures.templatesKb.id)?.knowledgeBaseType).toBe("MESSAGE_TEMPLATES");

    const templates = (await collect(paginateListMessageTemplates({ client: h.qconnect, pageSize: 2 }, { knowledgeBaseId: fixtures.templatesKb.id }))).flatMap(
      (page) => page.messageTemplateSummaries ?? [],
    );
    expect(templates).toHaveLength(fixtures.templatesKb.messageTemplates.length);
    const shipped = templates.find((t) => t.messageTemplateId === fixtures.whatsappTemplate.id);
    expect(shipped?.channelSubtype).toBe("WHATSAPP");
    expect(shipped?.createdTime).toBeInstanceOf(Date);
    expect(shipped?.lastModifiedTime?.toISOString()).toBe(new Date(fixtures.whatsappTemplate.lastModifiedTime).toISOString());
    for (const variable of fixtures.whatsappTemplate.variables) expect(shipped?.description).toContain(variable);
  });

  it("answers an unknown knowledge base and bad paging the Q in Connect way", async () => {
    const missing = await h.qconnect.send(new ListMessageTemplatesCommand({ knowledgeBaseId: "missing" })).catch((err: unknown) => err);
    expect((missing as Error).name).toBe("ResourceNotFoundException");
    expect((missing as Error).message).toMatch(/Knowledge base missing not found/);
    const bad = await h.raw("GET", "/knowledgeBases?maxResults=500");
    expect(bad).toMatchObject({ status: 400, errorType: "ValidationException" });
  });
});

describe("routing", () => {
  it("answers unknown operations with 404 and a request id", async () => {
    const response = await h.raw("GET", "/no/such/operation");
    expect(response.status).toBe(404);
    expect(response.errorType).toBe("UnknownOperationException");
    expect(response.requestId).toBeTruthy();
  });
});
