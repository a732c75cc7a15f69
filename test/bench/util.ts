import { readdir, readFile, writeFile, mkdir, copyFile } from "node:fs/promises";
import path from "node:path";

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

/**
 * Copies the bundled documents `copies` times into a folder; each copy gets a distinct first line
 * so its content hash (and its passages) differ, as a real large collection would.
 */
export async function replicateCorpus(source: string, target: string, copies: number): Promise<number> {
  const files = (await readdir(source)).filter((f) => f.endsWith(".txt"));
  let bytes = 0;
  await mkdir(target, { recursive: true });
  for (let i = 0; i < copies; i++) {
    for (const file of files) {
      const text = await readFile(path.join(source, file), "utf8");
      const out = `Bản sao số ${i + 1}.\n\n${text}`;
      const name = `${String(i).padStart(4, "0")}-${file}`;
      await writeFile(path.join(target, name), out);
      try {
        await copyFile(path.join(source, `${file}.meta.yaml`), path.join(target, `${name}.meta.yaml`));
      } catch {
        // no metadata file
      }
      bytes += Buffer.byteLength(out);
    }
  }
  return bytes;
}
