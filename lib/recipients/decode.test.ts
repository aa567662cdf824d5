import { describe, expect, it } from "vitest";
import { decodeRecipientsFile } from "./decode";
import { RecipientsInputError } from "./input-error";

const utf8 = (text: string) => new TextEncoder().encode(text);

function thrown(fn: () => unknown): RecipientsInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RecipientsInputError) return error;
    throw error;
  }
  throw new Error("expected a RecipientsInputError");
}

describe("decodeRecipientsFile", () => {
  it("decodes UTF-8 and keeps accented names intact", () => {
    expect(decodeRecipientsFile(utf8("phone,name\n+14155552671,Zoë Müller\n"))).toBe("phone,name\n+14155552671,Zoë Müller\n");
  });

  it("drops the byte order mark Excel writes in front of CSV UTF-8", () => {
    const text = decodeRecipientsFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("phone\n")]));
    expect(text).toBe("phone\n");
    expect(text.charCodeAt(0)).toBe("p".charCodeAt(0));
  });

  it("refuses a Latin-1 file and names the line of the first bad byte", () => {
    // "é" in Windows-1252 is the single byte 0xE9, which is not UTF-8.
    const bytes = new Uint8Array([...utf8("phone,name\r\n+14155552671,Ann\r\n+14155552672,Ren"), 0xe9, ...utf8("\r\n")]);
    const error = thrown(() => decodeRecipientsFile(bytes));
    expect(error.message).toBe("The file is not UTF-8 text (invalid byte at line 3). Save it as CSV UTF-8 and upload again.");
    expect(error.line).toBe(3);
    expect(error.code).toBe("invalid");
  });

  it("refuses a file holding a NUL byte and names its line, instead of failing when the rows are stored", () => {
    const error = thrown(() => decodeRecipientsFile(utf8("phone,name\n+14155552671,Ann\n+14155552672,B\u0000b\n")));
    expect(error.message).toBe("Line 3 contains a character that cannot be stored (NUL or an unpaired surrogate). Remove it and upload again.");
    expect(error.line).toBe(3);
  });

  it("refuses UTF-16 text with its own message", () => {
    const error = thrown(() => decodeRecipientsFile(new Uint8Array([0xff, 0xfe, 0x70, 0x00])));
    expect(error.message).toMatch(/UTF-16/);
  });

  it("refuses a truncated multi-byte character at the end of the file", () => {
    const bytes = new Uint8Array([...utf8("phone\n+1\n"), 0xe2, 0x82]);
    expect(thrown(() => decodeRecipientsFile(bytes)).line).toBe(3);
  });

  it("refuses a file over the default 50 MB limit before decoding it", () => {
    const bytes = new Uint8Array(Math.round(63.2 * 1024 * 1024));
    expect(thrown(() => decodeRecipientsFile(bytes)).message).toBe("The file is 63.2 MB; the limit is 50 MB.");
  });

  it("never shows a file just over the limit as the same size as the limit", () => {
    const bytes = new Uint8Array(1024 * 1024 + 1);
    expect(thrown(() => decodeRecipientsFile(bytes, { maxBytes: 1024 * 1024 })).message).toBe("The file is 1.1 MB; the limit is 1 MB.");
  });

  it("accepts a file exactly at the limit", () => {
    expect(decodeRecipientsFile(utf8("phone\n"), { maxBytes: 6 })).toBe("phone\n");
  });
});
