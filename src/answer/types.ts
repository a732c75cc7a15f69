import { z } from "zod";
import { DOCUMENT_STATUSES } from "../documents/registry.ts";
import type { Features } from "./answerability.ts";
import type { Candidate } from "./candidate.ts";
import type { RuleAttempt } from "./propose.ts";
import type { NotStated } from "./not-stated.ts";
import type { QuestionAnalysis } from "./question.ts";

/** Another document that holds the same words (a near-duplicate of the cited passage). */
export const alsoInSchema = z.object({ docTitle: z.string(), docNumber: z.string(), section: z.string(), /** ISO date of that document, or "" (an addition). */ docDate: z.string() });
export type AlsoIn = z.infer<typeof alsoInSchema>;

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
  /** The same words in other documents (near-duplicates collapsed into this citation), in path order. */
  alsoIn: z.array(alsoInSchema),
  /** Whether the cited text is in force (src/documents/registry.ts); absent when the registry does not know it. */
  validity: z.object({
    status: z.enum(DOCUMENT_STATUSES),
    by: z.object({ title: z.string(), number: z.string(), date: z.string() }).optional(),
    effective: z.string().optional(),
  }).optional(),
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
  /** How the answer was made: quoted sentences, a quoted list, a model's text, related passages, or a refusal. */
  mode: "extractive" | "list" | "generated" | "related" | "abstained" | "curated";
  /**
   * How sure: "answer" (asserted, with citations), "related" (the closest passages quoted with their
   * sources, nothing asserted), "none" (the documents do not cover it; closest topics suggested),
   * "curated" (an answer an admin approved for this question, with its citations: src/answer/curated.ts).
   */
  grade: "answer" | "related" | "none" | "curated";
  /** For `curated`: which approved answer, and how close the question was to it. */
  curated?: { id: string; similarity: number };
  /** Why: the question's reading, the rules tried, the features and the answerability score (absent for an empty question). */
  explain?: Explanation;
  /** For an abstention: the closest topics the documents do cover. */
  suggestions: string[];
};

/** Why an answer came out as it did: what `ask --explain` prints. */
export type Explanation = {
  intent: QuestionAnalysis;
  rules: RuleAttempt[];
  candidate: Pick<Candidate, "rule" | "rank" | "focusMatch" | "support" | "typeFound" | "score"> & {
    passageId: string;
    /** Every passage the proposed answer quotes. */
    citedIds: string[];
    /** The proposed answer as it would read, whatever the grade. */
    text: string;
  } | undefined;
  features: Features;
  /** Places the question names that no document mentions (src/answer/places.ts): the question is not covered. */
  absentPlaces?: string[];
  /** The question is from another field altogether (src/answer/far-off.ts): not covered. */
  otherField?: boolean;
  /** Why the documents cannot answer however well the words match (src/answer/not-stated.ts). */
  notStated?: NotStated;
  /** Probability that the documents cover the question. */
  covered: number;
  /** Probability that the proposed answer is right. */
  right: number;
  thresholds: { covered: number; answer: number };
  passages: Array<{ rank: number; chunkId: string; section: string; score: number; coverage: number; fulltext: number; similarity: number }>;
};

