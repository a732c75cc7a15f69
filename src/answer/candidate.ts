import type { Passage } from "../index/schema.ts";

/** The answer rules, by name: which one fired is shown by `ask --explain`. */
export type RuleName = "item" | "actor-list" | "steps" | "list" | "outline" | "who-duty" | "signer" | "heading" | "definition" | "sentences";

/**
 * A quoted line of a reply and the passage it is quoted from; `within` names a heading inside the
 * passage that the line sits under ("2. Thủ trưởng cơ quan"), so the citation can name it too.
 */
export type QuotedLine = { passage: Passage; text: string; within?: string };

/**
 * What a rule proposes: lines quoted from the documents, how to lay them out, and the evidence the
 * answerability model weighs.
 */
export type Candidate = {
  rule: RuleName;
  /** A lead-in line ("Ban Chấp hành Công đoàn cơ quan:"), quoted from the same passage as the items. */
  lead?: QuotedLine;
  lines: QuotedLine[];
  /** Lines are the items of a list (one per line, "- ") rather than running sentences. */
  listed: boolean;
  /** Items of the list not shown. */
  more: number;
  /** The main passage, and its rank in retrieval (0-based; -1 when it came from the facts table). */
  passage: Passage;
  rank: number;
  /** The answer holds what the question type asks for (the list for a list question, a number for "bao nhiêu"). */
  typeFound: boolean;
  /** A list with as many items as the question says ("tám nội dung"): that count names it, whatever the focus read. */
  counted?: boolean;
  /** The answer is in the document the question names by number or year ("bài Dân vận năm 1949"). */
  inNamedDocument?: boolean;
  /** How well the actor of the answer matches the question's focus (0..1); undefined when the question names none. */
  focusMatch: number | undefined;
  /**
   * The longest run of the question's words its frame says word for word (`phraseEcho`, 0..1): a list's heading
   * path and lead-in, a prose answer's sentence. Set by the rules that weigh it.
   */
  echo?: number;
  /** How much of the question the quoted text and its frame cover (0..1). */
  support: number;
  /** The rule's own score (for `--explain`). */
  score: number;
};
