// The streaming row check against a real suppression list: read into memory, or looked up a batch at a time for a
// list too long to hold, with the same answer either way, across batch boundaries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suppressions } from "@/lib/db/schema";
import type { DatabaseHandle } from "@/lib/db/types";
import { createTestDb } from "@/lib/testing/test-db";
import { checkRecipientList } from "./preflight-server";
import type { RecipientSource } from "./recipient-source";
import { campaignInputSchema } from "./schemas";

const text = [
  "phone,name",
  "+12065550100,A",
  "206 555 0101,B",
  "+12065550100,A again",
  "+12065550102,C",
  "(206) 555-0101,B again",
  "nope,D",
  "+12065550103,E",
].join("\n");
const source: RecipientSource = { format: "csv", text, fileName: null, uploadId: null, contentSha256: "x", rowCount: null };
const campaign = campaignInputSchema.parse({
  name: "S",
  instanceId: "i",
  channel: "sms",
  sourcePhoneNumberArn: "arn",
  contactFlowId: "f",
  recipients: { format: "csv", text, mapping: { phoneColumn: "phone", nameColumn: "name" }, defaultCountry: "US" },
  message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}" },
});

describe("checking a list against the suppression list", () => {
  let h: DatabaseHandle;
  beforeAll(async () => {
    h = await createTestDb();
    await h.db
      .insert(suppressions)
      .values(
        ["+12065550101", "+12065550103", "+19995550000"].map((phone) => ({ phone, reason: "asked", source: "manual" as const, createdBy: "sam@example.com" })),
      );
  });
  afterAll(async () => {
    await h?.close();
  });

  it("gives the same statuses with the list in memory and looked up per batch", async () => {
    const statuses: string[][] = [];
    const tallies = [];
    for (const suppressionInMemoryMax of [200_000, 0]) {
      const seen: string[] = [];
      const list = await checkRecipientList(h.db, source, campaign, "US", {
        stage: "check",
        batchRows: 2,
        suppressionInMemoryMax,
        sink: async (rows) => void seen.push(...rows.map((r) => `${r.line}:${r.status}`)),
      });
      statuses.push(seen);
      tallies.push(list.tally.counts);
    }
    expect(statuses[0]).toEqual(["2:valid", "3:suppressed", "4:duplicate", "5:valid", "6:suppressed", "7:invalid", "8:suppressed"]);
    expect(statuses[1]).toEqual(statuses[0]);
    expect(tallies[1]).toEqual(tallies[0]);
    expect(tallies[0]).toEqual({ valid: 2, invalid: 1, duplicate: 1, suppressed: 3 });
  });

  it("reports progress and stops when aborted", async () => {
    const progress: string[] = [];
    const aborted = new AbortController();
    const run = checkRecipientList(h.db, source, campaign, "US", {
      stage: "check",
      batchRows: 2,
      onProgress: (p) => {
        progress.push(`${p.stage}:${p.rows}`);
        if (p.rows >= 2) aborted.abort(new Error("stop"));
      },
      signal: aborted.signal,
    });
    await expect(run).rejects.toThrow("stop");
    expect(progress).toEqual(["read:0", "check:2"]);
  });
});
