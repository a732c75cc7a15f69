import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The bundled knowledge is ingested once (test/global-setup.ts) and copied by the tests that need it.
    globalSetup: ["test/global-setup.ts"],
    // LanceDB and the ingest pipeline are I/O heavy; two workers match the 2-core machines.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
