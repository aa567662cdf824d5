// Contact attribute rules from the Connect contract (§8.3): keys use only alphanumerics, `-` and `_`, and all keys
// and values of one contact together may take at most 32,768 UTF-8 bytes.

/** ASCII letters and digits: the contract says "alphanumerics", and Connect's own examples are ASCII. */
export const ATTRIBUTE_KEY_PATTERN = /^[A-Za-z0-9_-]+$/;

export const ATTRIBUTE_BYTE_LIMIT = 32_768;

export function isAttributeKey(key: string): boolean {
  // `__proto__` passes the pattern but cannot be stored as a plain object key.
  return ATTRIBUTE_KEY_PATTERN.test(key) && key !== "__proto__";
}

/** UTF-8 length without encoding: called for every cell of every row, so it must not allocate. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    // Other code units, lone surrogates included (encoded as U+FFFD), take three bytes.
    else bytes += 3;
  }
  return bytes;
}

/** Bytes of a set of attributes as Connect counts them: every key plus every value. */
export function attributesByteLength(attributes: Readonly<Record<string, string>>): number {
  let bytes = 0;
  for (const key in attributes) {
    if (Object.hasOwn(attributes, key)) bytes += utf8ByteLength(key) + utf8ByteLength(attributes[key]!);
  }
  return bytes;
}
