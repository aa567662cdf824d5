// The count axis both time charts draw: a gridline across the plot and its label at the left, for each tick.
export const MUTED_TEXT = { fill: "var(--color-muted-foreground)" };

export function ValueGridlines({ ticks, plot }: { ticks: { y: number; text: string }[]; plot: { left: number; right: number } }) {
  return ticks.map((t) => (
    <g key={t.text}>
      <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} style={{ stroke: "var(--color-border)" }} />
      <text x={plot.left - 6} y={t.y} dy="0.35em" textAnchor="end" className="tabular-nums" style={MUTED_TEXT}>
        {t.text}
      </text>
    </g>
  ));
}
