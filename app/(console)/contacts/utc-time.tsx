// An instant as the server renders it: UTC to the second, with the exact ISO value on hover.
export function UtcTime({ at, empty = "—" }: { at: Date | null | undefined; empty?: string }) {
  if (!at) return <span className="text-muted-foreground">{empty}</span>;
  const iso = at.toISOString();
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap">
      {iso.replace("T", " ").slice(0, 19)} UTC
    </time>
  );
}
