import type { Config } from "../config.ts";
import type { Embedder } from "./embedder.ts";
import { LocalEmbedder } from "./local.ts";
import { OpenAIEmbedder } from "./openai.ts";

/** The embedder the settings ask for. Called by entry points only. */
export function createEmbedder(config: Config): Embedder {
  if (config.EMBEDDING_PROVIDER === "openai") {
    return new OpenAIEmbedder({ apiKey: config.OPENAI_API_KEY!, baseURL: config.OPENAI_BASE_URL, model: config.EMBEDDING_MODEL });
  }
  return new LocalEmbedder();
}
