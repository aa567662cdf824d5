import { describe, expect, it } from "vitest";
import { csvReader } from "./csv-reader";
import { glanceAtRecipients, needsCsvReader } from "./local-recipients";
import type { RecipientUploadInfo } from "./upload-file";

const upload: RecipientUploadInfo = {
  id: "0b7c4a52-2d8e-4b8a-9a43-2f1c8d1f0e11",
  format: "csv",
  fileName: "spring.csv",
  bytes: 15_000_000,
  rows: 1_000_000,
  header: ["phone", "name"],
  sample: [["+12065550100", "Ann"]],
  sha256: "ab",
  createdAt: "2026-01-01T00:00:00.000Z",
};

const NOTHING = { local: { header: [], rows: 0, sample: [], error: null }, first: null };

describe("glanceAtRecipients", () => {
  it("takes an upload's header, row count and first recipient from the server's answer", () => {
    expect(glanceAtRecipients({ format: "csv", uploadId: upload.id, text: "" }, upload, null)).toEqual({
      local: { header: ["phone", "name"], rows: 1_000_000, sample: [["+12065550100", "Ann"]], error: null },
      first: { phone: "+12065550100", name: "Ann" },
    });
  });

  it("shows nothing for an upload whose details have not come yet, rather than another file's", () => {
    expect(glanceAtRecipients({ format: "csv", uploadId: "11111111-2d8e-4b8a-9a43-2f1c8d1f0e11" }, upload, null)).toEqual(NOTHING);
    expect(glanceAtRecipients({ format: "csv", uploadId: upload.id }, null, null)).toEqual(NOTHING);
  });

  it("reads pasted lines without the CSV reader", () => {
    expect(glanceAtRecipients({ format: "paste", text: "+12065550100,Ann\n+12065550101,Bob\n" }, upload, null)).toMatchObject({
      local: {
        rows: 2,
        sample: [
          ["+12065550100", "Ann"],
          ["+12065550101", "Bob"],
        ],
        error: null,
      },
      first: { phone: "+12065550100", name: "Ann" },
    });
  });

  it("waits for the CSV reader for a CSV kept inline, then reads it", () => {
    const inline = { format: "csv" as const, text: "phone;city\n+12065550100;Seattle\n" };
    expect(needsCsvReader(inline)).toBe(true);
    expect(glanceAtRecipients(inline, null, null)).toBeNull();
    expect(glanceAtRecipients(inline, null, csvReader)).toEqual({
      local: { header: ["phone", "city"], rows: 1, sample: [["+12065550100", "Seattle"]], error: null },
      first: { phone: "+12065550100", city: "Seattle" },
    });
  });

  it("needs no reader for an empty CSV, pasted lines or an upload", () => {
    expect(needsCsvReader({ format: "csv" })).toBe(false);
    expect(needsCsvReader({ format: "paste", text: "+12065550100" })).toBe(false);
    expect(needsCsvReader({ format: "csv", uploadId: upload.id, text: "" })).toBe(false);
    expect(glanceAtRecipients({ format: "csv" }, null, null)).toEqual(NOTHING);
  });

  it("says why a CSV kept inline cannot be read", () => {
    const glance = glanceAtRecipients({ format: "csv", text: 'phone\n"+12065550100\n' }, null, csvReader);
    expect(glance?.local.rows).toBe(0);
    expect(glance?.local.error).toEqual(expect.any(String));
  });
});
