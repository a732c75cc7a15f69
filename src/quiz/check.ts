import type { KnowledgeIndex } from "../index/store.ts";
import type { Passage } from "../index/schema.ts";
import { normalizeForMatch } from "../text/normalize.ts";
import type { QuizQuestion } from "./bank.ts";

/** The passage a question cites: same document, same heading path, holding the quote (whitespace-insensitive). */
export function findSourcePassage(passages: Passage[], source: { document: string; section: string; quote?: string }): Passage | undefined {
  const quote = source.quote ? normalizeForMatch(source.quote) : "";
  return passages.find((p) => p.docTitle === source.document && p.section === source.section && (!quote || normalizeForMatch(p.text).includes(quote)));
}

export type SourceProblem = { id: string; bank: string; problem: string };

/**
 * Checks that each question's source exists in the index: a document with that title, a passage of
 * it under that heading path, and, when a quote is given, the quote in that passage.
 */
export async function checkSources(questions: QuizQuestion[], index: KnowledgeIndex, allPassages: () => Promise<Passage[]>): Promise<SourceProblem[]> {
  const documents = await index.documents();
  const passages = await allPassages();
  const problems: SourceProblem[] = [];
  for (const q of questions) {
    const doc = documents.find((d) => normalizeForMatch(d.title) === normalizeForMatch(q.source.document) || d.path === q.source.document);
    if (!doc) {
      problems.push({ id: q.id, bank: q.bank, problem: `không có văn bản «${q.source.document}» trong kho` });
      continue;
    }
    const ofDoc = passages.filter((p) => p.docId === doc.docId);
    const section = normalizeForMatch(q.source.section);
    const inSection = ofDoc.filter((p) => !section || normalizeForMatch(p.section).startsWith(section) || normalizeForMatch(p.section).includes(section));
    if (inSection.length === 0) {
      problems.push({ id: q.id, bank: q.bank, problem: `văn bản «${doc.title}» không có mục «${q.source.section}»` });
      continue;
    }
    if (q.source.quote && !inSection.some((p) => normalizeForMatch(p.text).includes(normalizeForMatch(q.source.quote!)))) {
      problems.push({ id: q.id, bank: q.bank, problem: `không thấy trích dẫn «${q.source.quote}» trong mục đã nêu` });
    }
  }
  return problems;
}
