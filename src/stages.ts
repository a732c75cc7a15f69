/**
 * Time spent per stage of a long job (ingest), summed over calls: what `bench:ingest` prints.
 * Stages run in worker threads add their own times, so a stage's total can exceed the wall time.
 */
export type StageTimes = Record<string, number>;

/** The stages of an ingest, in pipeline order (names as printed). */
export const INGEST_STAGES = {
  hash: "băm nội dung tệp",
  wait: "luồng chính chờ các luồng chuẩn bị",
  load: "đọc tệp (txt/pdf/docx/html)",
  clean: "làm sạch văn bản",
  metadata: "nhận thông tin văn bản",
  chunk: "mục lục + cắt đoạn",
  facts: "bảng trách nhiệm/các bước",
  search: "từ khóa full-text",
  vectors: "vector (bộ nhúng local)",
  signatures: "chữ ký bản sao",
  groups: "xếp nhóm bản sao",
  write: "ghi LanceDB",
  settle: "chọn đại diện nhóm",
  stats: "thống kê từ (đọc lại)",
  scalar: "chỉ mục id, nhóm",
  fullText: "chỉ mục full-text",
  upkeep: "gộp phiên bản cũ",
  finish: "bảng trách nhiệm + manifest",
} as const;

export function addTime(times: StageTimes | undefined, stage: string, ms: number): void {
  if (times) times[stage] = (times[stage] ?? 0) + ms;
}

export function timed<T>(times: StageTimes | undefined, stage: string, run: () => T): T {
  if (!times) return run();
  const started = performance.now();
  try {
    return run();
  } finally {
    addTime(times, stage, performance.now() - started);
  }
}

export async function timedAsync<T>(times: StageTimes | undefined, stage: string, run: () => Promise<T>): Promise<T> {
  if (!times) return run();
  const started = performance.now();
  try {
    return await run();
  } finally {
    addTime(times, stage, performance.now() - started);
  }
}

/** Adds one set of stage times into another. */
export function mergeTimes(into: StageTimes, from: StageTimes | undefined): void {
  for (const [stage, ms] of Object.entries(from ?? {})) addTime(into, stage, ms);
}
