// The largest recipient list one campaign takes, the same for a CSV upload, pasted numbers and the API's JSON array.
// Above it the list is refused before any row is checked, so nobody waits minutes to learn it was too long.
export const MAX_RECIPIENT_ROWS = 1_000_000;

export function tooManyRowsMessage(rows: number | "more"): string {
  const limit = MAX_RECIPIENT_ROWS.toLocaleString("en-US");
  return rows === "more"
    ? `The list has more than ${limit} recipient rows; the limit is ${limit} per campaign. Split it into several campaigns.`
    : `The list has ${rows.toLocaleString("en-US")} recipient rows; the limit is ${limit} per campaign. Split it into several campaigns.`;
}
