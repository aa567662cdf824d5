// The composer's error banner ("Some fields need attention", or the server's refusal) names fields that are marked in
// the form. Once each of them is fixed (its error gone) or edited (its value changed), the banner has said its piece
// and goes, instead of contradicting a form that no longer shows a problem.
import { sameValues } from "./same-values";

export interface BannerFields {
  /** Form paths of the errors the banner stands for, e.g. "message.text". */
  paths: readonly string[];
  /** The form's values when the banner appeared. */
  values: unknown;
}

/** The path of every error in a react-hook-form error tree. */
export function errorPaths(errors: unknown, prefix = ""): string[] {
  if (typeof errors !== "object" || errors === null) return [];
  const paths: string[] = [];
  const node = errors as Record<string, unknown>;
  const isError = prefix !== "" && typeof node.type === "string";
  if (isError) paths.push(prefix);
  for (const [key, child] of Object.entries(node)) {
    // An error's own keys are not fields below it; "ref" holds the field's element, which must not be walked.
    if (isError && (key === "ref" || key === "type" || key === "message" || key === "types")) continue;
    paths.push(...errorPaths(child, prefix === "" ? key : `${prefix}.${key}`));
  }
  return paths;
}

/**
 * True once every field the banner named has no error any more, or holds a different value than it did. A banner that
 * names no field (a refusal from Connect, say) is never settled by edits.
 */
export function bannerSettled(banner: BannerFields, errors: unknown, values: unknown): boolean {
  return banner.paths.length > 0 && banner.paths.every((path) => at(errors, path) === undefined || !sameValues(at(banner.values, path), at(values, path)));
}

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
