// The theme choices the toggle offers, and how its arrow keys move between them (a radio group: moving selects).

export const THEME_CHOICES = [
  { value: "system", label: "System" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
] as const;

export type ThemeChoice = (typeof THEME_CHOICES)[number]["value"];

/** The stored choice as one the toggle knows: anything else (nothing stored yet, an old value) follows the system. */
export function knownThemeChoice(stored: string | undefined): ThemeChoice {
  return THEME_CHOICES.find((c) => c.value === stored)?.value ?? "system";
}

/** The choice a key moves to from `current`, wrapping at the ends; null for keys the group leaves alone. */
export function themeChoiceForKey(current: ThemeChoice, key: string): ThemeChoice | null {
  const at = THEME_CHOICES.findIndex((c) => c.value === current);
  const last = THEME_CHOICES.length - 1;
  const to =
    key === "ArrowRight" || key === "ArrowDown"
      ? (at + 1) % THEME_CHOICES.length
      : key === "ArrowLeft" || key === "ArrowUp"
        ? (at + last) % THEME_CHOICES.length
        : key === "Home"
          ? 0
          : key === "End"
            ? last
            : null;
  return to === null ? null : THEME_CHOICES[to]!.value;
}
