import { describe, expect, it } from "vitest";
import { recipientsPreview } from "./local-recipients";
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

describe("recipientsPreview", () => {
  it("takes an upload's header and row count from the server's answer", () => {
    expect(recipientsPreview({ format: "csv", uploadId: upload.id, text: "" }, upload)).toEqual({
      header: ["phone", "name"],
      rows: 1_000_000,
      sample: [["+12065550100", "Ann"]],
      error: null,
    });
  });

  it("shows nothing for an upload whose details have not come yet, rather than another file's", () => {
    expect(recipientsPreview({ format: "csv", uploadId: "11111111-2d8e-4b8a-9a43-2f1c8d1f0e11" }, upload)).toEqual({
      header: [],
      rows: 0,
      sample: [],
      error: null,
    });
    expect(recipientsPreview({ format: "csv", uploadId: upload.id }, null)).toEqual({ header: [], rows: 0, sample: [], error: null });
  });

  it("reads pasted lines and a CSV kept inline", () => {
    expect(recipientsPreview({ format: "paste", text: "+12065550100,Ann\n+12065550101,Bob\n" }, upload)).toMatchObject({
      rows: 2,
      sample: [
        ["+12065550100", "Ann"],
        ["+12065550101", "Bob"],
      ],
      error: null,
    });
    expect(recipientsPreview({ format: "csv", text: "phone;city\n+12065550100;Seattle\n" }, null)).toEqual({
      header: ["phone", "city"],
      rows: 1,
      sample: [["+12065550100", "Seattle"]],
      error: null,
    });
    expect(recipientsPreview({ format: "csv" }, null)).toEqual({ header: [], rows: 0, sample: [], error: null });
  });
});
