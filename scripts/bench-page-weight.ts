// `npm run bench:page-weight`: first-load JavaScript (gzip) of every page of the production build in .next, against
// the budget. Run `npm run build` first. Exits non-zero when a page is over the budget.
import { existsSync } from "node:fs";
import { readPageWeights } from "./page-weight-read";

const BUDGET_KB = 180;
const dir = process.argv[2] ?? ".next";
if (!existsSync(`${dir}/build-manifest.json`)) {
  console.error(`No production build in ${dir}: run npm run build first`);
  process.exit(2);
}
const weights = readPageWeights(dir);
const kb = (n: number) => (n / 1024).toFixed(1);
const width = Math.max(...weights.map((w) => w.route.length));
console.log(`${"page".padEnd(width)}  first-load JS (gzip)  chunks`);
for (const w of weights) {
  const over = w.gzipBytes / 1024 > BUDGET_KB ? `  over ${BUDGET_KB} kB` : "";
  console.log(`${w.route.padEnd(width)}  ${kb(w.gzipBytes).padStart(8)} kB  ${String(w.chunks).padStart(12)}${over}`);
}
const worst = weights.reduce((a, b) => (b.gzipBytes > a.gzipBytes ? b : a));
const over = weights.filter((w) => w.gzipBytes / 1024 > BUDGET_KB);
console.log(
  `\n${weights.length} pages; heaviest ${worst.route} ${kb(worst.gzipBytes)} kB; budget ${BUDGET_KB} kB: ${over.length === 0 ? "all within" : `${over.length} over`}`,
);
process.exit(over.length === 0 ? 0 : 1);
