// The colour tokens of both themes, read from globals.css, hold WCAG AA contrast where the console puts text on them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("./globals.css", import.meta.url), "utf8");

/** The `--color-*` declarations of the first block whose selector matches, as token name → hex. */
function tokens(selector: RegExp): Map<string, string> {
  const block = new RegExp(`${selector.source}\\s*\\{([^}]*)\\}`, "m").exec(css)?.[1];
  if (block === undefined) throw new Error(`no ${selector} block in globals.css`);
  return new Map([...block.matchAll(/--color-([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = tokens(/@theme/);
const dark = tokens(/^\.dark/);

// Text on surfaces, as the console's components pair them (muted-foreground sits on cards, table heads and badges).
const TEXT_PAIRS: [text: string, surface: string][] = [
  ["foreground", "background"],
  ["foreground", "card"],
  ["foreground", "muted"],
  ["muted-foreground", "card"],
  ["muted-foreground", "muted"],
  ["muted-foreground", "background"],
  ["primary-foreground", "primary"],
  ["destructive-foreground", "destructive"],
  ["destructive", "card"],
  ["warning", "card"],
];

describe("theme colour tokens", () => {
  it("dark redefines every colour token light has, and no other", () => {
    expect([...dark.keys()].sort()).toEqual([...light.keys()].sort());
    expect(light.size).toBeGreaterThanOrEqual(13);
  });

  for (const [name, theme] of [
    ["light", light],
    ["dark", dark],
  ] as const) {
    it.each(TEXT_PAIRS)(`${name}: %s on %s reaches 4.5:1`, (text, surface) => {
      expect(contrast(theme.get(text)!, theme.get(surface)!)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it("dark keeps white text on primary (buttons), and links in primary get a lighter blue that reads on cards", () => {
    expect(dark.get("primary-foreground")).toBe("#ffffff");
    const link = /\.dark \.text-primary\s*\{\s*color:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    expect(link).toBeDefined();
    expect(contrast(link!, dark.get("card")!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(link!, dark.get("muted")!)).toBeGreaterThanOrEqual(4.5);
  });
});
