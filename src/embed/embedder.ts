/** What the index records about the embedder, checked again at query time. */
export type EmbedderInfo = { provider: string; model: string; dimension: number };

/**
 * The embedding port. `purpose` lets an implementation treat questions and passages
 * differently (the local provider weights question terms by their rarity in the corpus).
 */
export interface Embedder {
  readonly info: EmbedderInfo;
  embed(texts: string[], purpose: "document" | "query"): Promise<Float32Array[]>;
  /**
   * Optional: the similarity of a question to passages at full resolution, for ordering candidates.
   * Without it, retrieval uses the cosine the vector search returns.
   */
  similarity?(question: string): (passage: { id: string; text: string }) => number;
}

export function sameEmbedder(a: EmbedderInfo, b: EmbedderInfo): boolean {
  return a.provider === b.provider && a.model === b.model && a.dimension === b.dimension;
}
