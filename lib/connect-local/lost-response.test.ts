// The LostResponse fault (the work is done, the answer never arrives) and the /_local/contacts filters and pages a
// caller uses to find out what happened.
import { StartOutboundChatContactCommand, type StartOutboundChatContactCommandInput } from "@aws-sdk/client-connect";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFaults } from "./env-options";
import { listLocalContacts } from "./local-listing";
import { type Harness, harnessForFile, type LocalContactView, outboundChatRequest, startHarness } from "./test-harness";

const h = harnessForFile();

const start = (harness: Harness, clientToken: string, phone = "+15555550100") =>
  harness.connect.send(
    new StartOutboundChatContactCommand(
      outboundChatRequest({
        ClientToken: clientToken,
        DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: phone },
      }) as unknown as StartOutboundChatContactCommandInput,
    ),
  );

const counters = async (harness: Harness = h) =>
  (
    (await harness.raw("GET", "/_local/state")).body as unknown as {
      counters: { faultsInjected: Record<string, number>; idempotentReplays: number; contactsCreated: number };
    }
  ).counters;

interface ContactPage {
  contacts: LocalContactView[];
  nextToken?: string;
}
const page = async (query: string) => {
  const response = await h.raw("GET", `/_local/contacts?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as unknown as ContactPage;
};

describe("LostResponse fault", () => {
  it("creates the contact, then drops the connection; a retry with the same ClientToken gets the same contact", async () => {
    await h.setConfig({ faults: { LostResponse: 1 } });
    const sentAt = new Date();
    const error = await start(h, "campaign-7:row-1").catch((err: unknown) => err);
    expect(error).toBeInstanceOf(Error);
    expect(`${(error as NodeJS.ErrnoException).code} ${(error as Error).message}`).toMatch(/ECONNRESET|socket hang up/);

    const [contact, ...others] = (await h.contacts()).contacts;
    expect(others).toEqual([]);
    expect(contact).toMatchObject({ clientToken: "campaign-7:row-1", status: "active" });
    expect(Date.parse(contact!.receivedAt)).toBeGreaterThanOrEqual(sentAt.getTime() - 1_000);
    expect((await counters()).faultsInjected).toEqual({ LostResponse: 1 });

    await h.setConfig({ faults: {} });
    const retry = await start(h, "campaign-7:row-1");
    expect(retry.ContactId).toBe(contact!.contactId);
    expect(await counters()).toMatchObject({ idempotentReplays: 1, contactsCreated: 1 });
    expect((await h.contacts()).contacts).toHaveLength(1);
  });

  it("loses error answers too: a refused request leaves nothing behind and still reads as a dropped connection", async () => {
    await h.setConfig({ faults: { LostResponse: 1 } });
    const error = await h.connect
      .send(new StartOutboundChatContactCommand(outboundChatRequest({ ContactFlowId: "no-such-flow" }) as unknown as StartOutboundChatContactCommandInput))
      .catch((err: unknown) => err);
    expect(`${(error as NodeJS.ErrnoException).code} ${(error as Error).message}`).toMatch(/ECONNRESET|socket hang up/);
    expect((await h.contacts()).contacts).toEqual([]);
  });

  it("is journaled before the connection drops, so a restart still knows the token", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "connect-local-lost-"));
    try {
      const first = await startHarness({ dataDir, config: { faults: { LostResponse: 1 } } });
      await expect(start(first, "persisted-token")).rejects.toThrow();
      const [lost] = (await first.contacts()).contacts;
      await first.close();

      const second = await startHarness({ dataDir });
      expect((await start(second, "persisted-token")).ContactId).toBe(lost?.contactId);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("can be set from CONNECT_LOCAL_FAULTS alongside other faults", () => {
    expect(parseFaults("LostResponse=0.05,ThrottlingException=0.02")).toEqual({ LostResponse: 0.05, ThrottlingException: 0.02 });
  });
});

describe("/_local/contacts filters and pages", () => {
  it("filters by ClientToken prefix and by arrival time", async () => {
    await start(h, "campaign-1:a", "+15555550101");
    await start(h, "campaign-2:a", "+15555550102");
    await new Promise((resolve) => setTimeout(resolve, 20));
    const cut = new Date();
    await start(h, "campaign-1:b", "+15555550103");
    await start(h, "campaign-10:a", "+15555550104");

    const tokens = (contacts: LocalContactView[]) => contacts.map((c) => c.clientToken);
    expect(tokens((await page("clientTokenPrefix=campaign-1%3A")).contacts)).toEqual(["campaign-1:a", "campaign-1:b"]);
    expect(tokens((await page(`since=${encodeURIComponent(cut.toISOString())}`)).contacts)).toEqual(["campaign-1:b", "campaign-10:a"]);
    expect(tokens((await page(`clientTokenPrefix=campaign-1&since=${cut.toISOString()}`)).contacts)).toEqual(["campaign-1:b", "campaign-10:a"]);
    expect(tokens(await listLocalContacts<LocalContactView>(h.server.url, { clientTokenPrefix: "campaign-1:", since: cut }))).toEqual(["campaign-1:b"]);
    expect((await page("since=2999-01-01T00:00:00Z")).contacts).toEqual([]);

    // The simulated clock does not move arrival times: `since` is wall-clock.
    await h.setConfig({ clockSpeed: 1_000_000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await start(h, "campaign-3:a", "+15555550105");
    const late = (await page("clientTokenPrefix=campaign-3")).contacts[0]!;
    expect(Date.parse(late.receivedAt)).toBeLessThan(Date.now() + 1_000);
  });

  it("pages with maxResults and nextToken until every contact is read, and bounds the page size", async () => {
    for (let i = 0; i < 7; i++) await start(h, `paged-${i}`, `+1555555020${i}`);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const next: ContactPage = await page(`maxResults=3${token ? `&nextToken=${encodeURIComponent(token)}` : ""}`);
      expect(next.contacts.length).toBeLessThanOrEqual(3);
      seen.push(...next.contacts.map((c) => c.clientToken!));
      token = next.nextToken;
      pages += 1;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `paged-${i}`));

    const filtered = await page("maxResults=2&clientTokenPrefix=paged-");
    const wrongScope = await h.raw("GET", `/_local/contacts?maxResults=2&nextToken=${encodeURIComponent(filtered.nextToken!)}`);
    expect(wrongScope.status).toBe(400);
    expect(wrongScope.body.Message).toMatch(/NextToken is not valid/);

    for (const [query, message] of [
      ["maxResults=0", /MaxResults must be between 1 and 1000/],
      ["maxResults=1001", /MaxResults must be between 1 and 1000/],
      ["maxResults=ten", /MaxResults must be an integer/],
      ["since=yesterday", /since must be an ISO 8601 date-time/],
      ["since=2026-02-30T99:00:00Z", /since must be an ISO 8601 date-time/],
    ] as const) {
      const response = await h.raw("GET", `/_local/contacts?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.Message).toMatch(message);
    }
  });

  it("answers at most 1000 contacts per page and the reader follows every page", async () => {
    await h.setConfig({ maxActiveChats: 2_000 });
    // Plain requests rather than the SDK: a thousand signed calls would only slow the test down.
    for (let i = 0; i < 1_005; i += 100) {
      await Promise.all(
        Array.from({ length: Math.min(100, 1_005 - i) }, (_, j) =>
          h.raw(
            "PUT",
            "/contact/outbound-chat",
            outboundChatRequest({
              ClientToken: `bulk-${i + j}`,
              DestinationEndpoint: { Type: "TELEPHONE_NUMBER", Address: `+1555556${String(i + j).padStart(4, "0")}` },
            }),
          ),
        ),
      );
    }
    const first = await page("");
    expect(first.contacts).toHaveLength(1_000);
    expect(first.nextToken).toEqual(expect.any(String));
    expect(await listLocalContacts(h.server.url)).toHaveLength(1_005);
  });
});
