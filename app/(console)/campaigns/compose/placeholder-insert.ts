// Writing a {{placeholder}} into the message where the cursor is, replacing any selected text.

export interface Insertion {
  text: string;
  /** Where the cursor goes: just after the placeholder. */
  caret: number;
}

export function insertPlaceholder(text: string, start: number, end: number, name: string): Insertion {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end, from));
  const placeholder = `{{${name}}}`;
  return { text: text.slice(0, from) + placeholder + text.slice(to), caret: from + placeholder.length };
}
