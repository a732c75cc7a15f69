import { createOpenAI } from "@ai-sdk/openai";
import { embedMany } from "ai";
import type { Embedder, EmbedderInfo } from "./embedder.ts";

/** Embeddings from any OpenAI-compatible server through the AI SDK. */
export class OpenAIEmbedder implements Embedder {
  info: EmbedderInfo;
  private readonly provider: ReturnType<typeof createOpenAI>;

  constructor(options: { apiKey: string; baseURL?: string; model: string; dimension?: number }) {
    this.provider = createOpenAI({ apiKey: options.apiKey, baseURL: options.baseURL });
    this.info = { provider: "openai", model: options.model, dimension: options.dimension ?? 0 };
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const out: Float32Array[] = [];
    // Servers cap the batch size; 96 inputs per request stays under every common limit.
    for (let i = 0; i < texts.length; i += 96) {
      const { embeddings } = await embedMany({
        model: this.provider.embeddingModel(this.info.model),
        values: texts.slice(i, i + 96),
        maxRetries: 3,
      });
      out.push(...embeddings.map((e) => Float32Array.from(e)));
    }
    const dimension = out[0]?.length ?? 0;
    if (this.info.dimension === 0) this.info = { ...this.info, dimension };
    return out;
  }
}
