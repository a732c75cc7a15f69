import { useCompileCache } from "../src/runtime/compile-cache.ts";

/** The prepare worker's entry: the compile cache first, then the worker's modules (see src/runtime/compile-cache.ts). */
useCompileCache();
await import("./prepare-worker.ts");
