import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml, stringify } from "yaml";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { readQuestionFile } from "../../src/eval.ts";
import { lexiconSchema } from "../../src/lexicon.ts";
import type { LexiconData } from "../../src/lexicon.ts";
import { runMain } from "../../src/run-main.ts";
import { ingestKnowledge, openKnowledge } from "../compose.ts";
import { judgeCandidates, TRAINING_SETS, trainingScore } from "./training.ts";

/**
 * Does each synonym group of the lexicon earn its place? Builds a scratch index without the group and
 * scores the training questions; a group whose removal scores as well or better does not help.
 * `npm run lexicon:check` (a few minutes: one rebuild per group).
 */
export async function main(): Promise<number> {
  loadDotEnv();
  const settings = loadConfig();
  const data: LexiconData = lexiconSchema.parse(parseYaml(await readFile(path.join(settings.knowledgeDir, "lexicon.yaml"), "utf8")));
  const questions = (await Promise.all(TRAINING_SETS.map(readQuestionFile))).flat();
  const scratch = await mkdtemp(path.join(tmpdir(), "tldv-lexicon-"));
  try {
    await cp(settings.knowledgeDir, path.join(scratch, "knowledge"), { recursive: true });
    const config = loadConfig({ DATA_DIR: path.join(scratch, "data"), KNOWLEDGE_DIR: path.join(scratch, "knowledge") });
    const score = async (lexicon: LexiconData) => {
      await writeFile(path.join(scratch, "knowledge", "lexicon.yaml"), stringify(lexicon));
      await ingestKnowledge(config, true);
      const knowledge = await openKnowledge(config);
      try {
        return trainingScore(await judgeCandidates(knowledge, questions));
      } finally {
        knowledge.close();
      }
    };
    const all = await score(data);
    console.log(`Với mọi nhóm: ${all.toFixed(2)}`);
    for (const [i, group] of data.synonyms.entries()) {
      const without = await score({ ...data, synonyms: data.synonyms.filter((_, j) => j !== i) });
      const delta = all - without;
      console.log(`${delta > 0 ? "giúp  " : "không "} ${delta >= 0 ? "+" : ""}${delta.toFixed(2)}  [${group.join(", ")}]`);
    }
    return 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (import.meta.main) runMain(() => main());
