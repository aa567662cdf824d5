// {{placeholders}} in a message: "Hi {{ name }}, your order {{order_id}} is ready". Names are taken exactly as written,
// trimmed of spaces. `\{{` writes a literal "{{". `{{ }}` with no name is left as text.

export interface Placeholder {
  name: string;
  /** The placeholder as written, shown in place of a missing value. */
  raw: string;
}

/** A template split once into text and placeholders, so rendering many rows repeats no parsing. */
export interface CompiledTemplate {
  parts: ReadonlyArray<string | Placeholder>;
  /** Distinct names, in order of first use. */
  names: readonly string[];
}

const TOKEN = /\\\{\{|\{\{([^{}]*)\}\}/g;

export function compileTemplate(text: string): CompiledTemplate {
  const parts: Array<string | Placeholder> = [];
  const names: string[] = [];
  let literal = "";
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    literal += text.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1]?.trim();
    if (!name) {
      literal += match[0] === "\\{{" ? "{{" : match[0];
      continue;
    }
    if (literal !== "") parts.push(literal);
    literal = "";
    parts.push({ name, raw: match[0] });
    if (!names.includes(name)) names.push(name);
  }
  literal += text.slice(last);
  if (literal !== "") parts.push(literal);
  return { parts, names };
}

export function extractPlaceholders(text: string): string[] {
  return [...compileTemplate(text).names];
}

/** The text with every {{from}} (however spaced) written as {{to}}; escaped braces and other placeholders stay as they are. */
export function replacePlaceholder(text: string, from: string, to: string): string {
  return text.replace(TOKEN, (match, name: string | undefined) => (name !== undefined && name.trim() === from ? `{{${to}}}` : match));
}

export interface RenderedTemplate {
  text: string;
  /** Names with no value (absent, empty or only spaces), each once; they stay as written in `text`. */
  missing: string[];
}

export function renderTemplate(template: string | CompiledTemplate, values: Readonly<Record<string, string | undefined>>): RenderedTemplate {
  const { parts } = typeof template === "string" ? compileTemplate(template) : template;
  let text = "";
  const missing: string[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      text += part;
      continue;
    }
    // Own properties only: a placeholder named "constructor" must not find Object.prototype.constructor.
    const value = Object.hasOwn(values, part.name) ? values[part.name] : undefined;
    if (typeof value === "string" && value.trim() !== "") text += value;
    else {
      text += part.raw;
      if (!missing.includes(part.name)) missing.push(part.name);
    }
  }
  return { text, missing };
}
