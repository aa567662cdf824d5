// The automation API's campaign body: recipients as a JSON array up to the row limit, inline text, or an upload's id.
import { describe, expect, it } from "vitest";
import { MAX_RECIPIENT_ROWS, tooManyRowsMessage } from "@/lib/recipients/limits";
import { apiCampaignSchema, toComposerInput } from "./api-schema";

const fields = {
  name: "Spring",
  instanceId: "instance-1",
  channel: "sms",
  sourcePhoneNumberArn: "arn:aws:connect:us-east-1:1:phone-number/1",
  contactFlowId: "flow-1",
  message: { kind: "text", contentType: "text/plain", text: "Hello" },
};
const mapping = { phoneColumn: "phone", nameColumn: "name" };
const uploadId = "5b0c1f3e-2a4d-4c6b-9e8f-0a1b2c3d4e5f";

const recipientsError = (input: unknown) => {
  const parsed = apiCampaignSchema.safeParse({ ...fields, recipients: input });
  expect(parsed.success).toBe(false);
  return parsed.error!.issues.find((i) => i.path[0] === "recipients")?.message;
};

describe("apiCampaignSchema recipients", () => {
  it("names a list uploaded once by its id, in either format, and hands it on unchanged", () => {
    for (const format of ["csv", "paste"] as const) {
      const body = apiCampaignSchema.parse({ ...fields, recipients: { format, uploadId, fileName: "list.csv", mapping } });
      expect(toComposerInput(body).recipients).toEqual({
        format,
        uploadId,
        fileName: "list.csv",
        mapping: { ...mapping, attributeColumns: {}, variableColumns: {} },
      });
    }
    expect(recipientsError({ format: "csv", uploadId: "list-7", mapping })).toBe("Unknown recipient upload: upload the list again");
  });

  it("takes pasted numbers inline as well as CSV", () => {
    const body = apiCampaignSchema.parse({ ...fields, recipients: { format: "paste", text: "+12065550100\n", mapping: { phoneColumn: "phone" } } });
    expect(toComposerInput(body).recipients).toMatchObject({ format: "paste", text: "+12065550100\n" });
  });

  it("turns a JSON array into CSV with one column per attribute", () => {
    const body = apiCampaignSchema.parse({
      ...fields,
      defaultCountry: "us",
      recipients: [{ phone: "+12065550100", name: 'Ada "A"', attributes: { tier: "gold" } }, { phone: "(206) 555-0101" }],
    });
    expect(toComposerInput(body).recipients).toEqual({
      format: "csv",
      text: 'phone,name,attr:tier\n+12065550100,"Ada ""A""",gold\n(206) 555-0101,,',
      mapping: { phoneColumn: "phone", nameColumn: "name", attributeColumns: { "attr:tier": "tier" }, variableColumns: {} },
      defaultCountry: "US",
    });
  });

  it("carries recipients' time zones in a time zone column, only when one has a zone", () => {
    const body = apiCampaignSchema.parse({
      ...fields,
      recipients: [
        { phone: "+12065550100", timeZone: "Asia/Tokyo", attributes: { tier: "gold" } },
        { phone: "+12065550101", timeZone: "" },
      ],
    });
    expect(toComposerInput(body).recipients).toMatchObject({
      text: "phone,name,timezone,attr:tier\n+12065550100,,Asia/Tokyo,gold\n+12065550101,,,",
      mapping: { phoneColumn: "phone", nameColumn: "name", timeZoneColumn: "timezone", attributeColumns: { "attr:tier": "tier" } },
    });
    const plain = toComposerInput(apiCampaignSchema.parse({ ...fields, recipients: [{ phone: "+12065550100", timeZone: " " }] }));
    expect(plain.recipients).toMatchObject({ text: "phone,name\n+12065550100," });
    expect(plain.recipients.mapping).not.toHaveProperty("timeZoneColumn");
  });

  it("takes a time zone column in an inline list's mapping", () => {
    const body = apiCampaignSchema.parse({
      ...fields,
      recipients: { format: "csv", text: "phone,tz\n+12065550100,Asia/Tokyo", mapping: { ...mapping, timeZoneColumn: "tz" } },
    });
    expect(toComposerInput(body).recipients.mapping).toMatchObject({ timeZoneColumn: "tz" });
  });

  it("refuses an array longer than the row limit with the same message as a file, saying how long it was", () => {
    expect(recipientsError([])).toBe("Give at least one recipient");
    const recipient = { phone: "+12065550100" };
    const tooMany = new Array<typeof recipient>(MAX_RECIPIENT_ROWS + 1).fill(recipient);
    expect(recipientsError(tooMany)).toBe(tooManyRowsMessage(MAX_RECIPIENT_ROWS + 1));
  });
});
