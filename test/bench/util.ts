
export function table(title: string, rows: Array<Record<string, string | number>>): void {
  console.log(`\n${title}`);
  const headers = Object.keys(rows[0] ?? {});
  const cell = (v: string | number) => (typeof v === "number" ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : v);
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => cell(r[h]!).length)));
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(headers.map((h) => cell(row[h]!))));
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}
