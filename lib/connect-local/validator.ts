// Member-by-member checks that name the member and the broken rule, raising the operation's modelled validation error.
import { validationError, type ValidationErrorName } from "./api-error";

export type JsonObject = Record<string, unknown>;

interface Length {
  min?: number;
  max?: number;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function memberPath(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

export function charLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export class Validator {
  constructor(readonly errorName: ValidationErrorName) {}

  fail(message: string): never {
    throw validationError(this.errorName, message);
  }

  body(value: unknown): JsonObject {
    if (value === undefined) return {};
    if (!isObject(value)) this.fail(`Request body must be a JSON object (got ${describe(value)})`);
    return value;
  }

  object(parent: JsonObject, key: string, prefix: string, required: true): JsonObject;
  object(parent: JsonObject, key: string, prefix: string, required?: boolean): JsonObject | undefined;
  object(parent: JsonObject, key: string, prefix: string, required = false): JsonObject | undefined {
    const member = memberPath(prefix, key);
    const value = parent[key];
    if (value === undefined || value === null) {
      if (required) this.fail(`${member} is required`);
      return undefined;
    }
    if (!isObject(value)) this.fail(`${member} must be an object (got ${describe(value)})`);
    return value;
  }

  string(parent: JsonObject, key: string, prefix: string, length: Length & { required: true }): string;
  string(parent: JsonObject, key: string, prefix: string, length?: Length & { required?: boolean }): string | undefined;
  string(parent: JsonObject, key: string, prefix: string, length: Length & { required?: boolean } = {}): string | undefined {
    const member = memberPath(prefix, key);
    const value = parent[key];
    if (value === undefined || value === null) {
      if (length.required) this.fail(`${member} is required`);
      return undefined;
    }
    if (typeof value !== "string") this.fail(`${member} must be a string (got ${describe(value)})`);
    this.length(member, value, length);
    return value;
  }

  length(member: string, value: string, { min, max }: Length): void {
    const size = charLength(value);
    if ((min !== undefined && size < min) || (max !== undefined && size > max)) {
      const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      this.fail(`${member} must be ${range} characters long (got ${size})`);
    }
  }

  integer(parent: JsonObject, key: string, prefix: string, range: { min: number; max: number }): number | undefined {
    const member = memberPath(prefix, key);
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== "number" || !Number.isInteger(value)) this.fail(`${member} must be an integer (got ${describe(value)})`);
    if (value < range.min || value > range.max) {
      this.fail(`${member} must be between ${range.min} and ${range.max} (got ${value})`);
    }
    return value;
  }

  oneOf<T extends string>(member: string, value: string, allowed: readonly T[]): T {
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(`${member} value "${value}" is not valid; expected one of ${allowed.join(", ")}`);
    }
    return value as T;
  }

  list(parent: JsonObject, key: string, prefix: string, maxItems?: number): unknown[] | undefined {
    const member = memberPath(prefix, key);
    const value = parent[key];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) this.fail(`${member} must be a list (got ${describe(value)})`);
    if (maxItems !== undefined && value.length > maxItems) {
      this.fail(`${member} may hold at most ${maxItems} items (got ${value.length})`);
    }
    return value;
  }

  stringList(parent: JsonObject, key: string, prefix: string, item: Length, maxItems?: number): string[] | undefined {
    const member = memberPath(prefix, key);
    return this.list(parent, key, prefix, maxItems)?.map((entry, i) => {
      if (typeof entry !== "string") this.fail(`${member}[${i}] must be a string (got ${describe(entry)})`);
      this.length(`${member}[${i}]`, entry, item);
      return entry;
    });
  }

  stringMap(parent: JsonObject, key: string, prefix: string): Record<string, string> | undefined {
    const member = memberPath(prefix, key);
    const value = this.object(parent, key, prefix);
    if (!value) return undefined;
    for (const [name, entry] of Object.entries(value)) {
      if (typeof entry !== "string") this.fail(`${member}["${name}"] must be a string (got ${describe(entry)})`);
    }
    return value as Record<string, string>;
  }
}
