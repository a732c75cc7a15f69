import { openAnswerer } from "../helpers/index.ts";

/**
 * Run by bench:query in a child process: opens an index as a server does, answers the questions given
 * on stdin (one per line), and prints its resident memory, so the figure is the serving process's own.
 */
const [indexDir] = process.argv.slice(2);
const questions = (await new Response(process.stdin as unknown as ReadableStream).text()).split("\n").filter(Boolean);
const knowledge = await openAnswerer(indexDir!);
await knowledge.index.vectorsReady();
for (const question of questions) await knowledge.answer(question);
const { rss, heapUsed } = process.memoryUsage();
console.log(JSON.stringify({ rssMb: rss / 1048576, heapMb: heapUsed / 1048576, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
knowledge.close();
