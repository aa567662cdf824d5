// The send window in a preflight, over a real database (the Settings default) and the real zone map: valid rows are
// counted by their numbers' zones as the list streams, and the summary says how many can go at the scheduled start,
// when the rest open, and plans within the windows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settings } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { randomUUID } from "node:crypto";
import { livePlan } from "./live-plan";
import { buildSummary, checkRecipientList, factsOf } from "./preflight-server";
import { insertCampaign } from "./queries";
import type { RecipientSource } from "./recipient-source";
import { campaignInputSchema } from "./schemas";
import { SEND_WINDOW_SETTING } from "@/lib/settings/send-window";

// Three New York numbers, two in Honolulu, one in Chicago, and one row that is not a number.
const text = ["phone", "+12125550100", "+12125550101", "+12125550102", "+18085550100", "+18085550101", "+13125550100", "nope"].join("\n");
const source: RecipientSource = { format: "csv", text, fileName: null, uploadId: null, contentSha256: "x", rowCount: null };
const hours = { from: "09:00", to: "20:00" };
const weekdays = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: null, sun: null };
// Wed 6 March 2030, 15:00Z: 10:00 in New York and 09:00 in Chicago (open), 05:00 in Honolulu (opens 09:00, 19:00Z).
const START = "2030-03-06T15:00:00.000Z";
const campaignWith = (sendWindow?: unknown) =>
  campaignInputSchema.parse({
    name: "S",
    instanceId: "i",
    channel: "sms",
    sourcePhoneNumberArn: "arn",
    contactFlowId: "f",
    recipients: { format: "csv", text, mapping: { phoneColumn: "phone" }, defaultCountry: "US" },
    message: { kind: "text", contentType: "text/plain", text: "Hi" },
    schedule: { mode: "at", at: START },
    ...(sendWindow === undefined ? {} : { sendWindow }),
  });
const limits = { accountSendsPerSecond: 20, concurrentChatQuota: 1_000, maxRecipientBytes: 1_000_000 };

describe("a preflight's send window", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function summaryFor(sendWindow?: unknown) {
    const c = campaignWith(sendWindow);
    const list = await checkRecipientList(h.db, source, c, "US", { stage: "check" });
    return buildSummary(c, limits, { blocking: [], country: "US" }, factsOf(list));
  }

  it("says nothing while no window applies", async () => {
    const s = await summaryFor();
    expect(s.sendWindow).toBeUndefined();
    expect(s.plan?.input.windows).toBeUndefined();
  });

  it("counts rows outside their window at the start and names when and where the next opens, following the Settings default", async () => {
    await h.db.insert(settings).values({ key: SEND_WINDOW_SETTING, value: { window: { days: weekdays, blockedDates: [] } }, updatedBy: "t" });
    const s = await summaryFor();
    expect(s.sendWindow).toEqual({
      sendableAtStart: 4,
      waiting: 2,
      neverOpens: 0,
      nextOpening: { at: "2030-03-06T19:00:00.000Z", zone: "Pacific/Honolulu", clock: "09:00" },
    });
    expect(s.warnings).toContain(
      "2 of 6 are outside their send window at the scheduled start; the next opens at 09:00 Pacific/Honolulu (in 4 h). They wait and are sent when it opens",
    );
    // The planner sends within New York's hours, where most rows are: from the start until 20:00 there (01:00Z).
    expect(s.plan?.input.windows?.[0]).toEqual({ start: START, end: "2030-03-07T01:00:00.000Z" });
  });

  it("a campaign with no window, or its own, overrides the default", async () => {
    expect((await summaryFor("none")).sendWindow).toBeUndefined();
    const late = await summaryFor({ days: { ...weekdays, wed: { from: "12:00", to: "13:00" } }, blockedDates: [] });
    expect(late.sendWindow).toMatchObject({
      sendableAtStart: 0,
      waiting: 6,
      nextOpening: { at: "2030-03-06T17:00:00.000Z", zone: "America/New_York", clock: "12:00" },
    });
  });

  it("judges a row with its own time zone in that zone, not its number's", async () => {
    // Two New York numbers, one of them living in Tokyo: at the start it is 00:00 there (opens 09:00 JST, 00:00Z).
    const zoned = "phone,tz\n+12125550100,\n+12125550101,asia/tokyo\n";
    const c = campaignInputSchema.parse({
      ...campaignWith({ days: weekdays, blockedDates: [] }),
      recipients: { format: "csv", text: zoned, mapping: { phoneColumn: "phone", timeZoneColumn: "tz" }, defaultCountry: "US" },
    });
    const list = await checkRecipientList(h.db, { ...source, text: zoned }, c, "US", { stage: "check" });
    expect(list.sendWindow?.zoneSets).toEqual([
      { zones: ["America/New_York"], count: 1 },
      { zones: ["Asia/Tokyo"], count: 1 },
    ]);
    const s = buildSummary(c, limits, { blocking: [], country: "US" }, factsOf(list));
    expect(s.sendWindow).toEqual({
      sendableAtStart: 1,
      waiting: 1,
      neverOpens: 0,
      nextOpening: { at: "2030-03-07T00:00:00.000Z", zone: "Asia/Tokyo", clock: "09:00" },
    });
  });

  it("the campaign page's live plan keeps to the windows the check planned with", async () => {
    const inWindow = new Date(Date.now() + 3_600_000);
    const windows = [{ start: inWindow.toISOString(), end: new Date(inWindow.getTime() + 3_600_000).toISOString() }];
    const c = await insertCampaign(h.db, {
      name: "Windowed",
      status: "running",
      channel: "sms",
      instanceId: "instance-w",
      contactFlowId: "flow-w",
      sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/w",
      config: { chatDurationMinutes: 60, sendsPerSecond: 2 },
      preflight: { counts: { valid: 10 }, blocking: [], warnings: [], plan: { input: { numberType: "TOLL_FREE", numberCountry: "US", windows } } },
      createdBy: randomUUID(),
      createdByEmail: "ada@w.test",
    });
    const plan = await livePlan(h.db, c, { accountConfiguredPerSecond: 2, concurrentChatQuota: 10, rowsLeft: 10 });
    expect(plan?.input.windows).toEqual(windows);
    // Nothing goes before the window opens, an hour from now: the last send comes after it.
    expect(Date.parse(plan!.endsAt!)).toBeGreaterThan(inWindow.getTime());
  });
});
