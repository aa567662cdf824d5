import {
  LimitExceededException,
  StartOutboundChatContactCommand,
  ThrottlingException,
  type StartOutboundChatContactCommandInput,
} from "@aws-sdk/client-connect";
import { describe, expect, it } from "vitest";
import type { CatalogPhoneNumber } from "./catalog";
import { fixtures, harnessForFile, outboundChatRequest } from "./test-harness";

const h = harnessForFile();

// Simulated time barely moves on its own, so each test steps it exactly with advanceClock.
const FROZEN = 1e-9;
const sms = { "connect:Subtype": { ValueString: "connect:SMS" } };
const whatsapp = { "connect:Subtype": { ValueString: "connect:WhatsApp" } };

const from = (number: CatalogPhoneNumber) => ({ Type: "CONNECT_PHONENUMBER_ARN", Address: number.arn });
const to = (address: string) => ({ Type: "TELEPHONE_NUMBER", Address: address });
const customer = (i: number) => `+1555${String(i).padStart(7, "0")}`;

const start = (overrides: Record<string, unknown> = {}) =>
  h.connect.send(new StartOutboundChatContactCommand(outboundChatRequest(overrides) as unknown as StartOutboundChatContactCommandInput));
/** The error a start that must be refused gets; a start that goes through fails the test. */
const failure = (overrides: Record<string, unknown> = {}): Promise<Error> =>
  start(overrides).then(
    (output) => {
      throw new Error(`expected a refusal, got contact ${output.ContactId}`);
    },
    (err: unknown) => err as Error,
  );

const smsFrom = (number: CatalogPhoneNumber, destination = "+15555550100") => ({
  SourceEndpoint: from(number),
  DestinationEndpoint: to(destination),
  SegmentAttributes: sms,
});
const whatsAppFrom = (number: CatalogPhoneNumber, destination: string) => ({
  InstanceId: number.instanceId,
  ContactFlowId: number.instanceId === fixtures.instance.id ? fixtures.smsFlow.id : fixtures.otherSmsFlow.id,
  SourceEndpoint: from(number),
  DestinationEndpoint: to(destination),
  SegmentAttributes: whatsapp,
});

/** Runs the starts at once and says how many were accepted, throttled and refused by a limit. */
async function outcomes(requests: Record<string, unknown>[]) {
  const settled = await Promise.allSettled(requests.map((request) => start(request)));
  const rejected = settled.flatMap((result) => (result.status === "rejected" ? [result.reason as Error] : []));
  return {
    accepted: settled.length - rejected.length,
    throttled: rejected.filter((err) => err instanceof ThrottlingException).length,
    limited: rejected.filter((err) => err instanceof LimitExceededException).length,
    other: rejected.filter((err) => !(err instanceof ThrottlingException) && !(err instanceof LimitExceededException)),
  };
}

interface CeilingsView {
  numbers: { id: string; messagesPerSecond: Record<string, number> }[];
  whatsAppBusinessAccounts: { id: string; messagingLimit: number | string; customersInLast24Hours: number; nextFreeAt: string | null }[];
}
const ceilings = async () => (await h.raw("GET", "/_local/ceilings")).body as unknown as CeilingsView;

describe("per-number message throughput", () => {
  it("is not enforced unless switched on", async () => {
    const result = await outcomes(Array.from({ length: 5 }, () => smsFrom(fixtures.smsOnlyNumber)));
    expect(result).toMatchObject({ accepted: 5, throttled: 0 });
  });

  it("lets a US 10DLC number send one message a second, and the next once the clock moves", async () => {
    await h.setConfig({ enforceNumberThroughput: true, clockSpeed: FROZEN });
    expect(fixtures.smsOnlyNumber).toMatchObject({ type: "DID", countryCode: "US" });
    await start(smsFrom(fixtures.smsOnlyNumber));

    const second = await failure(smsFrom(fixtures.smsOnlyNumber, "+15555550101"));
    expect(second).toBeInstanceOf(ThrottlingException);
    expect((second as ThrottlingException).$metadata.httpStatusCode).toBe(429);
    expect(second.message).toBe(`Rate exceeded for phone number ${fixtures.smsOnlyNumber.phoneNumber}: it sends 1 SMS message parts per second`);

    await h.advanceClock(0.5);
    await expect(start(smsFrom(fixtures.smsOnlyNumber))).rejects.toBeInstanceOf(ThrottlingException);
    await h.advanceClock(0.5);
    expect((await start(smsFrom(fixtures.smsOnlyNumber))).ContactId).toBeTruthy();
    // Refused starts leave nothing behind.
    expect((await h.contacts()).contacts).toHaveLength(2);
  });

  it("is the same ThrottlingException as the account's rate quota, told apart only by its text", async () => {
    await h.setConfig({ enforceNumberThroughput: true, clockSpeed: FROZEN });
    await start(smsFrom(fixtures.smsOnlyNumber));
    const perNumber = (await failure(smsFrom(fixtures.smsOnlyNumber))) as ThrottlingException;

    await h.setConfig({ enforceNumberThroughput: false, rate: 0.001, burst: 1 });
    await start(smsFrom(fixtures.smsOnlyNumber));
    const account = (await failure(smsFrom(fixtures.smsOnlyNumber))) as ThrottlingException;

    for (const error of [perNumber, account]) expect(error).toBeInstanceOf(ThrottlingException);
    expect(perNumber.name).toBe(account.name);
    expect(perNumber.$fault).toBe(account.$fault);
    expect(perNumber.$metadata.httpStatusCode).toBe(account.$metadata.httpStatusCode);
    const members = (error: Error) => Object.keys(error).sort();
    expect(members(perNumber)).toEqual(members(account));
    expect(perNumber.message).not.toBe(account.message);
  });

  it("does not charge a replayed ClientToken, which sends nothing", async () => {
    await h.setConfig({ enforceNumberThroughput: true, clockSpeed: FROZEN });
    const first = await start({ ...smsFrom(fixtures.smsOnlyNumber), ClientToken: "recipient-1" });
    const replay = await start({ ...smsFrom(fixtures.smsOnlyNumber), ClientToken: "recipient-1" });
    expect(replay.ContactId).toBe(first.ContactId);
    await expect(start({ ...smsFrom(fixtures.smsOnlyNumber), ClientToken: "recipient-2" })).rejects.toBeInstanceOf(ThrottlingException);
  });

  it("keeps SMS and WhatsApp of one number apart: toll-free SMS at 3 a second, WhatsApp at 80", async () => {
    await h.setConfig({ enforceNumberThroughput: true, clockSpeed: FROZEN });
    expect(fixtures.dualNumber.type).toBe("TOLL_FREE");
    const smsResult = await outcomes(Array.from({ length: 5 }, () => smsFrom(fixtures.dualNumber)));
    expect(smsResult).toMatchObject({ accepted: 3, throttled: 2 });
    const whatsAppResult = await outcomes(Array.from({ length: 81 }, (_, i) => whatsAppFrom(fixtures.dualNumber, customer(i))));
    expect(whatsAppResult).toMatchObject({ accepted: 80, throttled: 1, other: [] });
  });

  it("takes a rate from the seed and from the runtime config, which wins", async () => {
    await h.setConfig({ enforceNumberThroughput: true, clockSpeed: FROZEN });
    const marketing = fixtures.otherInstanceNumber;
    expect(marketing.messagesPerSecond).toEqual({ SMS: 4 });
    const marketingSms = { ...smsFrom(marketing), InstanceId: marketing.instanceId, ContactFlowId: fixtures.otherSmsFlow.id };
    expect(await outcomes(Array.from({ length: 6 }, () => marketingSms))).toMatchObject({ accepted: 4, throttled: 2 });

    await h.setConfig({ numberMessagesPerSecond: { [fixtures.smsOnlyNumber.id]: 2 } });
    expect(await outcomes(Array.from({ length: 3 }, () => smsFrom(fixtures.smsOnlyNumber)))).toMatchObject({ accepted: 2, throttled: 1 });

    const view = await ceilings();
    expect(view.numbers.find((n) => n.id === fixtures.smsOnlyNumber.id)?.messagesPerSecond).toEqual({ SMS: 2 });
    expect(view.numbers.find((n) => n.id === fixtures.dualNumber.id)?.messagesPerSecond).toEqual({ SMS: 3, WHATSAPP: 80 });
  });

  it("is checked after the concurrent chat quota, so a start refused for capacity spends no throughput", async () => {
    await h.setConfig({ enforceNumberThroughput: true, clockSpeed: FROZEN, maxActiveChats: 0 });
    await expect(start(smsFrom(fixtures.smsOnlyNumber))).rejects.toBeInstanceOf(LimitExceededException);
    await h.setConfig({ maxActiveChats: 10 });
    expect((await start(smsFrom(fixtures.smsOnlyNumber))).ContactId).toBeTruthy();
  });
});

describe("WhatsApp business portfolio messaging limit", () => {
  const account = fixtures.dualNumber.whatsAppBusinessAccountId!;
  const reach = async () => (await ceilings()).whatsAppBusinessAccounts.find((a) => a.id === account)!;

  /** 250 unique customers, alternating between the two numbers of the business account. */
  async function useUpTier250() {
    const numbers = [fixtures.dualNumber, fixtures.whatsAppOnlyNumber];
    expect(numbers.every((n) => n.whatsAppBusinessAccountId === account)).toBe(true);
    for (let batch = 0; batch < 5; batch++) {
      const requests = Array.from({ length: 50 }, (_, i) => whatsAppFrom(numbers[i % 2]!, customer(batch * 50 + i)));
      expect(await outcomes(requests)).toMatchObject({ accepted: 50, other: [] });
    }
  }

  it("refuses the 251st unique customer at tier 250, across every number of the account, and accepts a repeat", async () => {
    await h.setConfig({ enforceWhatsAppMessagingLimit: true, clockSpeed: FROZEN });
    expect((await reach()).messagingLimit).toBe(250);
    await useUpTier250();
    expect((await reach()).customersInLast24Hours).toBe(250);

    const refused = await failure(whatsAppFrom(fixtures.whatsAppOnlyNumber, customer(250)));
    expect(refused).toBeInstanceOf(LimitExceededException);
    expect((refused as LimitExceededException).$metadata.httpStatusCode).toBe(429);
    expect(refused.message).toMatch(new RegExp(`WhatsApp business account ${account} has messaged 250 unique customers in the last 24 hours`));

    // A customer already in the window costs nothing, from either number.
    expect((await start(whatsAppFrom(fixtures.dualNumber, customer(7)))).ContactId).toBeTruthy();
    expect((await start(whatsAppFrom(fixtures.whatsAppOnlyNumber, customer(8)))).ContactId).toBeTruthy();
    // SMS does not count, nor does another business account.
    expect((await start(smsFrom(fixtures.dualNumber, customer(300)))).ContactId).toBeTruthy();
    expect((await start(whatsAppFrom(fixtures.otherWhatsAppNumber, customer(301)))).ContactId).toBeTruthy();
    expect((await reach()).customersInLast24Hours).toBe(250);
  });

  it("frees places 24 simulated hours after each customer's latest message", async () => {
    await h.setConfig({ enforceWhatsAppMessagingLimit: true, clockSpeed: FROZEN });
    await useUpTier250();
    const firstRoundEnds = (await reach()).nextFreeAt;

    await h.advanceClock(12 * 3600);
    // Messaged again halfway: this customer now counts until 36 h.
    await start(whatsAppFrom(fixtures.dualNumber, customer(0)));
    await h.advanceClock(12 * 3600 - 1);
    await expect(start(whatsAppFrom(fixtures.dualNumber, customer(400)))).rejects.toBeInstanceOf(LimitExceededException);
    expect((await reach()).nextFreeAt).toBe(firstRoundEnds);

    await h.advanceClock(1);
    expect((await reach()).customersInLast24Hours).toBe(1);
    expect(await outcomes(Array.from({ length: 249 }, (_, i) => whatsAppFrom(fixtures.dualNumber, customer(1000 + i))))).toMatchObject({ accepted: 249 });
    await expect(start(whatsAppFrom(fixtures.dualNumber, customer(2000)))).rejects.toBeInstanceOf(LimitExceededException);
  });

  it("takes a limit for every account from the runtime config", async () => {
    await h.setConfig({ enforceWhatsAppMessagingLimit: true, clockSpeed: FROZEN });
    await useUpTier250();
    await expect(start(whatsAppFrom(fixtures.dualNumber, customer(250)))).rejects.toBeInstanceOf(LimitExceededException);
    await h.setConfig({ whatsAppMessagingLimit: 2000 });
    expect((await reach()).messagingLimit).toBe(2000);
    expect((await start(whatsAppFrom(fixtures.dualNumber, customer(250)))).ContactId).toBeTruthy();
    await h.setConfig({ whatsAppMessagingLimit: "UNLIMITED" });
    expect((await start(whatsAppFrom(fixtures.dualNumber, customer(251)))).ContactId).toBeTruthy();
  });

  it("forgets the window on reset", async () => {
    await h.setConfig({ enforceWhatsAppMessagingLimit: true, clockSpeed: FROZEN });
    await start(whatsAppFrom(fixtures.dualNumber, customer(1)));
    expect((await reach()).customersInLast24Hours).toBe(1);
    await h.reset();
    expect((await reach()).customersInLast24Hours).toBe(0);
  });
});
