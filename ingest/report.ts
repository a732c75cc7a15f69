import type { StageTimes } from "../src/stages.ts";

/** What an ingest reports: per file, and for the whole run (printed by `npm run ingest`, returned by `ingest()`). */

export type FileStatus = "added" | "updated" | "unchanged" | "removed" | "skipped" | "failed";

export type FileReport = {
  path: string;
  status: FileStatus;
  reason?: string;
  documents?: number;
  chunks?: number;
  warnings?: string[];
};

export type IngestReport = {
  dir: string;
  rebuilt: boolean;
  changed: boolean;
  documents: number;
  chunks: number;
  bytes: number;
  seconds: number;
  files: FileReport[];
  /** Files that could not be read or are not supported; non-zero exit with --strict. */
  problems: number;
  /** Index upkeep that failed after the new index was in force (reported; the index is complete). */
  upkeep?: string[];
  /** Time per stage (ms; stages run in worker threads are summed over the workers): what bench:ingest prints. */
  stages: StageTimes;
  /** Peak resident memory of this process during the ingest (MB). */
  peakMb: number;
};
