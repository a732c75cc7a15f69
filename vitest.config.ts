import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The bundled knowledge is ingested once (test/global-setup.ts) and copied by the tests that need it.
    globalSetup: ["test/global-setup.ts"],
    // LanceDB and the ingest pipeline are I/O heavy; two workers match the 2-core machines.
    maxWorkers: 2,
    // Worker threads that keep their loaded modules between test files: most of the suite's time was spent
    // importing the same modules again for every file (52 s of import time against 8 s). Tests restore
    // what they change (environment, spies, message labels); `npm run test:each` checks each test alone
    // and `vitest --sequence.shuffle` in another order.
    pool: "threads",
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
