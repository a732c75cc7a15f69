import path from "node:path";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { loadConfig, loadDotEnv } from "../src/config.ts";
import { createEmbedder } from "../src/embed/factory.ts";
import { runMain } from "../src/run-main.ts";
import { createLogger } from "../src/log.ts";
import { loadLexicon } from "../src/lexicon.ts";
import type { IngestReport } from "./pipeline.ts";
import { ingest } from "./pipeline.ts";

const STATUS_LABEL: Record<string, string> = {
  added: "thêm mới", updated: "cập nhật", unchanged: "không đổi", removed: "đã xóa", skipped: "bỏ qua", failed: "lỗi",
};

function printSummary(report: IngestReport): void {
  const counts = (status: string) => report.files.filter((f) => f.status === status).length;
  const rows: Array<[string, string]> = [
    ["Văn bản trong chỉ mục", String(report.documents)],
    ["Đoạn (passage)", String(report.chunks)],
    ["Tệp thêm mới / cập nhật", `${counts("added")} / ${counts("updated")}`],
    ["Tệp không đổi", String(counts("unchanged"))],
    ["Tệp đã xóa khỏi chỉ mục", String(counts("removed"))],
    ["Tệp bỏ qua / lỗi", `${counts("skipped")} / ${counts("failed")}`],
    ["Thời gian", `${report.seconds.toFixed(2)} giây`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nNạp tài liệu từ ${report.dir}${report.rebuilt ? " (dựng lại toàn bộ)" : ""}`);
  for (const [key, value] of rows) console.log(`  ${key.padEnd(width)}  ${value}`);
  for (const note of report.upkeep ?? []) console.log(`\nLưu ý: ${note}`);
  const problems = report.files.filter((f) => f.status === "failed" || f.status === "skipped" || f.warnings?.length);
  if (problems.length) {
    console.log("\nCần xem lại:");
    for (const file of problems) {
      const reason = file.reason ?? file.warnings?.join("; ") ?? "";
      console.log(`  - ${file.path}: ${STATUS_LABEL[file.status]}${reason ? ` — ${reason}` : ""}`);
    }
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: "string" },
      rebuild: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log("Cách dùng: npm run ingest -- [--dir THƯ_MỤC] [--rebuild] [--strict] [--json]");
    return 0;
  }
  loadDotEnv();
  const config = loadConfig();
  const { lexicon, hash } = await loadLexicon(path.join(config.knowledgeDir, "lexicon.yaml"));
  const showBar = !values.json && process.stdout.isTTY;
  const bar = new SingleBar({ format: "Nạp tài liệu [{bar}] {value}/{total} {file}", hideCursor: true }, Presets.shades_classic);
  let done = 0;
  const report = await ingest({
    dir: values.dir ? path.resolve(values.dir) : config.knowledgeDir,
    indexDir: config.indexDir,
    embedder: createEmbedder(config),
    lexicon,
    lexiconHash: hash,
    maxBytes: config.MAX_FILE_MB * 1024 * 1024,
    maxDocxPartBytes: config.MAX_DOCX_PART_MB * 1024 * 1024,
    rebuild: values.rebuild,
    ...(config.DATABASE_URL ? { lockUrl: config.DATABASE_URL } : {}),
    logger: createLogger({ level: config.LOG_LEVEL }),
    onStart: (total) => showBar && bar.start(total, 0, { file: "" }),
    onFile: (file) => showBar && bar.update(done++, { file }),
  });
  if (showBar) {
    bar.update(done, { file: "" });
    bar.stop();
  }
  if (values.json) console.log(JSON.stringify(report));
  else printSummary(report);
  return values.strict && report.problems > 0 ? 1 : 0;
}

if (import.meta.main) runMain(() => main());
