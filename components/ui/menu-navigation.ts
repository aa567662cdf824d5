// Which item of a menu an arrow key, Home or End moves focus to (WAI-ARIA menu pattern: the arrows wrap around).
// Null for any other key, so the caller leaves that key to the browser.
export function menuIndexAfter(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown":
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case "ArrowUp":
      return current <= 0 || current >= count ? count - 1 : current - 1;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
