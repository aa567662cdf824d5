// {{name}} placeholders in a message template body: each names a custom attribute (TemplateAttributes.CustomAttributes
// key). Rendering fills the ones it has values for and leaves the rest as written, reporting their names.

const PLACEHOLDER = /\{\{\s*([^{}\s][^{}]*?)\s*\}\}/g;

/** Distinct names in order of first use. */
export function placeholderNames(body: string): string[] {
  const names: string[] = [];
  for (const match of body.matchAll(PLACEHOLDER)) if (!names.includes(match[1]!)) names.push(match[1]!);
  return names;
}

export interface Interpolated {
  text: string;
  /** Names with no value, each once, in order of first use. */
  notInterpolated: string[];
}

export function interpolate(body: string, values: Readonly<Record<string, string>>): Interpolated {
  const notInterpolated: string[] = [];
  const text = body.replace(PLACEHOLDER, (raw, name: string) => {
    // Own keys only: a placeholder named "constructor" must not find Object.prototype.constructor.
    if (Object.hasOwn(values, name)) return values[name]!;
    if (!notInterpolated.includes(name)) notInterpolated.push(name);
    return raw;
  });
  return { text, notInterpolated };
}
