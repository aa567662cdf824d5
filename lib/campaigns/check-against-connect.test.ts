// The campaign check's template rules over the simulator: the chosen template must exist, and every variable its body
// names must have a column or a fixed value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalog, fixtures, startHarness, type Harness } from "@/lib/connect-local/test-harness";
import { createConnectGateway, type ConnectGateway } from "@/lib/connect/gateway";
import { checkAgainstConnect } from "./preflight-server";
import type { CampaignConfig } from "./schemas";

let h: Harness;
let gateway: ConnectGateway;
beforeAll(async () => {
  h = await startHarness();
  gateway = createConnectGateway({ mode: "local", endpoint: h.server.url, region: catalog.region, maxAttempts: 1 });
});
afterAll(async () => {
  await h.close();
});

const whatsapp = fixtures.whatsappTemplate;
type Variables = Extract<CampaignConfig["message"], { kind: "template" }>["variables"];

function campaign(messageTemplateId: string, variables: Variables): CampaignConfig {
  return {
    channel: "whatsapp",
    instanceId: fixtures.instance.id,
    contactFlowId: fixtures.smsFlow.id,
    sourcePhoneNumberArn: fixtures.dualNumber.arn,
    message: { kind: "template", knowledgeBaseId: fixtures.templatesKb.id, messageTemplateId, templateName: "", variables },
  } as CampaignConfig;
}

const templateProblems = async (c: CampaignConfig) => (await checkAgainstConnect(gateway, c)).blocking.filter((m) => /template/i.test(m));

describe("checkAgainstConnect for a template message", () => {
  it("passes when every variable of the body has a column or a fixed value", async () => {
    expect(
      await templateProblems(
        campaign(whatsapp.id, { customerName: { column: "name" }, orderId: { column: "order" }, trackingUrl: { value: "https://t.example" } }),
      ),
    ).toEqual([]);
  });

  it("names each variable with no source, or only a blank fixed value", async () => {
    expect(await templateProblems(campaign(whatsapp.id, { customerName: { column: "name" }, orderId: { value: "  " } }))).toEqual([
      "The template needs {{orderId}}: map a column or give a fixed value",
      "The template needs {{trackingUrl}}: map a column or give a fixed value",
    ]);
  });

  it("blocks a template that does not exist, or an id that names none", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "order_shipped", `${whatsapp.id}:99`]) {
      expect(await templateProblems(campaign(id, {})), id).toEqual(["The message template does not exist in the chosen knowledge base"]);
    }
  });
});
