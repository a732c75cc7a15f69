import { z } from "zod";

export const citationSchema = z.object({
  n: z.number().int().positive(),
  chunkId: z.string(),
  docTitle: z.string(),
  docNumber: z.string(),
  section: z.string(),
  /** The words quoted from the passage, verbatim (whitespace collapsed). */
  quote: z.string(),
  /** The whole human citation: title, number, date and heading path. */
  label: z.string(),
});
export type Citation = z.infer<typeof citationSchema>;

export const passageOutSchema = z.object({
  rank: z.number().int().positive(),
  chunkId: z.string(),
  docTitle: z.string(),
  docNumber: z.string(),
  section: z.string(),
  /** Verbatim source text of the passage. */
  text: z.string(),
  score: z.number(),
});
export type PassageOut = z.infer<typeof passageOutSchema>;

export const answerResultSchema = z.object({
  answer: z.string(),
  abstained: z.boolean(),
  confidence: z.number(),
  citations: z.array(citationSchema),
  passages: z.array(passageOutSchema),
});

/** What every channel, the CLI and the evaluation get from `answer()`. */
export type AnswerResult = z.infer<typeof answerResultSchema> & {
  /** How the answer was made: quoted sentences, a quoted list, a model's text, or a refusal. */
  mode: "extractive" | "list" | "generated" | "abstained";
  /** For an abstention: the closest topics the documents do cover. */
  suggestions: string[];
};
