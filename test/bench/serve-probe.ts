import { openAnswerer } from "../helpers/index.ts";

/**
 * Run by bench:query in a child process: opens an index as a server does, answers the questions given
 * on stdin (one per line), and prints its resident memory, so the figure is the serving process's own.
 */
const [indexDir] = process.argv.slice(2);
const questions = (await new Response(process.stdin as unknown as ReadableStream).text()).split("\n").filter(Boolean);
// The peak is sampled here: the kernel's maxRSS of a spawned child can include its parent's memory at the fork.
let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);
const knowledge = await openAnswerer(indexDir!);
await knowledge.index.vectorsReady();
for (const question of questions) {
  await knowledge.answer(question);
  sample();
}
clearInterval(timer);
const { heapUsed } = process.memoryUsage();
console.log(JSON.stringify({ maxRssMb: peak / 1048576, heapMb: heapUsed / 1048576 }));
knowledge.close();
