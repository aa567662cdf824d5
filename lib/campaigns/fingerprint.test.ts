import { describe, expect, it } from "vitest";
import { recipientsFingerprint, type FingerprintSource } from "./fingerprint";
import { campaignInputSchema, type CampaignInput } from "./schemas";

const input: CampaignInput = {
  name: "Spring",
  instanceId: "i-1",
  channel: "sms",
  sourcePhoneNumberArn: "arn:number",
  contactFlowId: "flow",
  recipients: { format: "csv", uploadId: "00000000-0000-4000-8000-00000000000a", mapping: { phoneColumn: "phone", nameColumn: "name" }, defaultCountry: "US" },
  message: { kind: "text", contentType: "text/plain", text: "Hi {{name}}" },
};
const source: FingerprintSource = { contentSha256: "abc", format: "csv" };
// null: Connect did not say which country the number is in.
const fp = (patch: Partial<CampaignInput>, s = source, country: string | null = "US") =>
  recipientsFingerprint(s, campaignInputSchema.parse({ ...input, ...patch }), country ?? undefined);

describe("recipients fingerprint", () => {
  it("ignores what changes no row: name, description, schedule, pacing, duration, content types", () => {
    expect(
      fp({
        name: "Autumn",
        description: "x",
        schedule: { mode: "at", at: "2030-01-01T10:00:00Z" },
        sendsPerSecond: 9,
        chatDurationMinutes: 120,
        contentTypes: ["text/markdown"],
      }),
    ).toBe(fp({}));
  });

  it("changes with the list, its format, the mapping, the countries, the message, fixed attributes and the display-name column", () => {
    const base = fp({});
    const changed = [
      fp({}, { ...source, contentSha256: "abd" }),
      fp({}, { ...source, format: "paste" }),
      fp({ recipients: { ...input.recipients, mapping: { phoneColumn: "phone" } } }),
      fp({ recipients: { ...input.recipients, defaultCountry: "GB" } }),
      fp({}, source, "CA"),
      fp({}, source, null),
      fp({ message: { kind: "text", contentType: "text/plain", text: "Hello {{name}}" } }),
      fp({ attributes: { team: "blue" } }),
      fp({ participantDisplayName: { mode: "column", column: "name" } }),
    ];
    changed.forEach((other, i) => expect(other, `change ${i}`).not.toBe(base));
    expect(new Set(changed).size).toBe(changed.length);
  });

  it("does not depend on the order of keys", () => {
    const a = fp({ attributes: { a: "1", b: "2" } });
    const b = fp({ attributes: { b: "2", a: "1" } });
    expect(a).toBe(b);
  });
});
