/**
 * Runs every test alone (`vitest run <file> -t <its full name>`) and lists those that fail: each test
 * must pass without the others (no test may rely on what an earlier one left behind). Slow (a few
 * seconds per test): `npm run test:each`, not part of `npm test`. `--filter text` limits it to files
 * whose path contains the text.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { parseArgs } from "node:util";

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, "..");
const VITEST = path.join(ROOT, "node_modules/.bin/vitest");
const { values } = parseArgs({ options: { filter: { type: "string", default: "" } } });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const listed = JSON.parse((await run(VITEST, ["list", "--json"], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })).stdout) as Array<{ name: string; file: string }>;
const tests = listed.filter((t) => t.file.includes(values.filter));
const failed: string[] = [];
const started = performance.now();
let done = 0;
async function runAlone(test: { name: string; file: string }): Promise<void> {
  // vitest matches -t against the full name with its describe blocks joined by spaces.
  const pattern = `^${escape(test.name.replace(/ > /g, " "))}$`;
  try {
    const { stdout } = await run(VITEST, ["run", path.relative(ROOT, test.file), "-t", pattern], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    if (!/Tests\s+.*\b1 passed/.test(stdout.replace(/\x1b\[[0-9;]*m/g, ""))) throw new Error("not run");
    process.stdout.write(`ok    ${++done}/${tests.length} ${test.name}\n`);
  } catch {
    failed.push(`${path.relative(ROOT, test.file)} › ${test.name}`);
    process.stdout.write(`FAIL  ${++done}/${tests.length} ${test.name}\n`);
  }
}
// Two at a time (the 2-core machines this runs on).
const queue = [...tests];
await Promise.all([0, 1].map(async () => {
  for (let test = queue.shift(); test; test = queue.shift()) await runAlone(test);
}));
console.log(`\n${tests.length - failed.length}/${tests.length} tests pass alone (${Math.round((performance.now() - started) / 1000)} s).`);
for (const name of failed) console.log(`  ✗ ${name}`);
process.exit(failed.length ? 1 : 0);
