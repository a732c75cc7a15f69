import path from "node:path";
import { runIngest, KNOWLEDGE, tempDir } from "../helpers/index.ts";
import { replicateCorpus } from "./corpora.ts";
import { table } from "./util.ts";

/** `npm run bench:ingest`: end-to-end ingest throughput on the corpus replicated to at least 10 MB. */
const TARGET_MB = Number(process.env.BENCH_MB ?? 10);
const { dir, cleanup } = await tempDir("tldv-bench-");
try {
  const one = await replicateCorpus(path.join(KNOWLEDGE, "documents"), path.join(dir, "probe"), 1);
  const copies = Math.ceil((TARGET_MB * 1024 * 1024) / one);
  const docs = path.join(dir, "docs");
  const bytes = await replicateCorpus(path.join(KNOWLEDGE, "documents"), docs, copies);
  const rows = [];
  for (const [label, rebuild] of [["đầy đủ (lần đầu)", true], ["lặp lại (không đổi)", false]] as const) {
    const started = performance.now();
    const report = await runIngest(docs, path.join(dir, "index"), { rebuild });
    const seconds = (performance.now() - started) / 1000;
    rows.push({
      "lần chạy": label,
      "tệp": report.files.length,
      "MB văn bản": bytes / 1048576,
      "đoạn": report.chunks,
      "giây": seconds,
      "MB/s": rebuild ? bytes / 1048576 / seconds : 0,
      "đoạn/s": rebuild ? report.chunks / seconds : 0,
    });
  }
  table(`bench:ingest — bộ nhúng local, ${copies} bản sao của kho tài liệu`, rows);
} finally {
  await cleanup();
}
