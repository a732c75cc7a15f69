import path from "node:path";
import { INGEST_STAGES } from "../../src/stages.ts";
import { KNOWLEDGE, runIngest, tempDir } from "../helpers/index.ts";
import { replicateCorpus } from "./corpora.ts";
import { table } from "./util.ts";

/**
 * `npm run bench:ingest`: end-to-end ingest throughput on the corpus replicated to each size in
 * BENCH_MB (default 10 and 100 MB), with the time of each stage and the peak memory. Each size runs
 * in its own child process, so one size's peak memory is not another's.
 */
const sizes = (process.env.BENCH_MB ?? "10,100").split(",").map(Number).filter((n) => n > 0);

if (process.env.BENCH_CHILD) {
  const target = Number(process.env.BENCH_CHILD);
  const { dir, cleanup } = await tempDir("tldv-bench-");
  try {
    const one = await replicateCorpus(path.join(KNOWLEDGE, "documents"), path.join(dir, "probe"), 1);
    const copies = Math.ceil((target * 1024 * 1024) / one);
    const docs = path.join(dir, "docs");
    const bytes = await replicateCorpus(path.join(KNOWLEDGE, "documents"), docs, copies);
    const first = await runIngest(docs, path.join(dir, "index"), { rebuild: true });
    const again = await runIngest(docs, path.join(dir, "index"));
    console.log(JSON.stringify({ copies, bytes, first, again: { seconds: again.seconds } }));
  } finally {
    await cleanup();
  }
} else {
  const { execFileSync } = await import("node:child_process");
  const runs = sizes.map((mb) => {
    const out = execFileSync(process.execPath, [process.argv[1]!], { env: { ...process.env, BENCH_CHILD: String(mb) }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return { mb, ...(JSON.parse(out.trim().split("\n").at(-1)!) as { copies: number; bytes: number; first: { chunks: number; seconds: number; stages: Record<string, number>; peakMb: number; files: unknown[] }; again: { seconds: number } }) };
  });
  table("bench:ingest — bộ nhúng local, kho tài liệu nhân bản (mỗi cỡ chạy trong một tiến trình riêng)", runs.map((r) => ({
    "cỡ": `${r.mb} MB`, "tệp": r.first.files.length, "MB văn bản": r.bytes / 1048576, "đoạn": r.first.chunks,
    "giây (lần đầu)": r.first.seconds, "MB/s": r.bytes / 1048576 / r.first.seconds, "đoạn/s": r.first.chunks / r.first.seconds,
    "giây (lặp lại, không đổi)": r.again.seconds, "bộ nhớ đỉnh MB": Math.round(r.first.peakMb),
  })));
  // Stages in pipeline order; those run in worker threads are summed over the workers.
  const stages = Object.values(INGEST_STAGES);
  table("bench:ingest — thời gian theo bước, lần nạp đầu (giây; các bước trong luồng chuẩn bị cộng dồn mọi luồng)", stages.map((stage) => ({
    "bước": stage, ...Object.fromEntries(runs.map((r) => [`${r.mb} MB`, (r.first.stages[stage] ?? 0) / 1000])),
  })));
}
