import { describe, expect, it } from "vitest";
import { inlineListTooLarge, requestBytes } from "./request-size";

describe("inlineListTooLarge", () => {
  it("lets a request under the limit through", () => {
    expect(inlineListTooLarge({ campaign: { recipients: { uploadId: "0b7c4a52-2d8e-4b8a-9a43-2f1c8d1f0e11" } } }, 1024)).toBeNull();
  });

  it("refuses pasted recipients over the limit, on the pasted text, and advises an upload", () => {
    const input = { campaign: { recipients: { text: "+12065550100,Ann\n".repeat(100) } } };
    expect(requestBytes(input)).toBeGreaterThan(1024);
    const refused = inlineListTooLarge(input, 1024);
    expect(refused).toMatchObject({
      code: "invalid",
      message: expect.stringMatching(
        /^The pasted recipients are too large to send \(limit 0 MB; this form is 0\.0 MB\)\. Upload the list as a CSV file instead\.$/,
      ),
    });
    expect(refused?.fields?.["recipients.text"]).toBe(refused?.message);
  });

  it("measures UTF-8 bytes, not characters", () => {
    expect(requestBytes("é")).toBe(4);
  });
});
