import type { Passage } from "../index/schema.ts";
import type { Logger } from "../log.ts";
import { silentLogger } from "../log.ts";
import { messages } from "../messages.ts";
import type { RankedPassage, Retriever } from "../retrieve.ts";
import type { Grade } from "./answerability.ts";
import { answerability, featuresOf, gradeOf } from "./answerability.ts";
import { farOff } from "./far-off.ts";
import { placesNotInDocuments, withDocumentPlaces } from "./places.ts";
import { notStated } from "./not-stated.ts";
import type { CuratedSource } from "./curated.ts";
import { matchCurated, quoteHolds } from "./curated.ts";
import type { DocumentFilter } from "./validity.ts";
import { citationValidity, filterByDocument, passesFilter, preferInForce, validityNotes } from "./validity.ts";
import type { Registry } from "../documents/registry.ts";
import { ANSWERABILITY } from "./answerability-model.ts";
import { ACTOR_LIST_ANSWER } from "./weights.ts";
import { composeAnswer, composeRelated, suggestionsFrom } from "./compose.ts";
import { answerContext } from "./context.ts";
import { scoreSentences } from "./evidence.ts";
import type { AnswerGenerator } from "./generate.ts";
import { analyseQuestionIntent } from "./question.ts";
import { proposeAnswer } from "./propose.ts";
import type { AnswerResult, Citation, Explanation, PassageOut } from "./types.ts";
import { verifyCitations } from "./verify.ts";

/** `k`: passages retrieved; `level`, `inForceOnly`: only passages of texts of that issuing level, or in force. */
export type AnswerOptions = { k?: number } & DocumentFilter;

/** Fewer content syllables than this (or no more, without asking anything) and nothing is asserted ("a" was answered at confidence 0.70). */
const MIN_CONCEPTS_TO_ASSERT = 2;

/** With a level or in-force filter, this many times k passages are retrieved before filtering. */
const FILTER_RETRIEVAL_FACTOR = 3;

function toPassageOut(ranked: RankedPassage[]): PassageOut[] {
  return ranked.map(({ passage, score }, i) => ({
    rank: i + 1,
    chunkId: passage.id,
    docTitle: passage.docTitle,
    docNumber: passage.docNumber,
    section: passage.section,
    text: passage.text,
    score: Math.round(score * 1000) / 1000,
  }));
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The one answer function used by every channel, the CLI and the evaluation. Reads what the question
 * asks, retrieves, proposes an answer from the documents' structure (a list, the steps, an item, the
 * sentence carrying a number, date or person, the opening of a section whose heading asks the
 * question), then decides how sure it is: a confident answer, related passages, or "not covered".
 */
export function createAnswerer(deps: { retriever: Retriever; generator?: AnswerGenerator; defaultK?: number; logger?: Logger; curated?: CuratedSource }) {
  const { retriever, generator } = deps;

  /**
   * An approved answer for this question, when one matches and its cited passages still hold their
   * quotes; one whose passage changed or disappeared is suspended for review and not served.
   */
  async function curatedAnswer(question: string, filter: DocumentFilter): Promise<AnswerResult | undefined> {
    if (!deps.curated) return undefined;
    const match = matchCurated(question, await deps.curated.all(), retriever.lexicon, retriever.index.stats);
    if (!match) return undefined;
    const { entry, similarity } = match;
    const passages = new Map((await retriever.index.passages(entry.citations.map((c) => c.chunkId))).map((p) => [p.id, p]));
    const broken = entry.citations.find((c) => !passages.has(c.chunkId) || !quoteHolds(passages.get(c.chunkId)!, c.quote));
    if (broken) {
      await deps.curated.suspend(entry.id, messages.curatedPassageChanged(broken.chunkId));
      logger.warn("answer.curated_suspended", { id: entry.id, chunkId: broken.chunkId, action: "the question is answered from the documents" });
      return undefined;
    }
    // A user limited to one level, or to texts in force, gets it only when every text it cites passes.
    const registry = await retriever.index.registry();
    if ([...passages.values()].some((passage) => !passesFilter(passage, registry, filter))) return undefined;
    await deps.curated.hit(entry.id).catch((error: unknown) => logger.warn("answer.curated_hit", { error }));
    const citations: Citation[] = entry.citations.map((c, i) => {
      const passage = passages.get(c.chunkId)!;
      return { n: i + 1, chunkId: passage.id, docTitle: passage.docTitle, docNumber: passage.docNumber, section: passage.section, quote: c.quote, label: passage.citation, alsoIn: [] };
    });
    const quotes = citations.map((c) => `«${c.quote}» [${c.n}]`).join("\n");
    // The texts it cites are checked like any answer's: a replaced or amended one is said so.
    return annotated({
      answer: `${messages.curatedMark}\n\n${entry.answer}\n\n${quotes}`, abstained: false, confidence: round(similarity), citations, passages: [],
      mode: "curated", grade: "curated", suggestions: [], curated: { id: entry.id, similarity: round(similarity) },
    } satisfies AnswerResult, registry, []);
  }
  const logger = deps.logger ?? silentLogger;

  /** Each citation lists the other documents that hold the same words (its passage's near-duplicates). */
  /**
   * What a reply's citations carry besides the quote: the other documents holding the same words
   * ("also in"), and whether each cited text is in force, with the warning and the newer text's
   * passage when it is not.
   */
  async function annotated<T extends { answer: string; citations: Citation[] }>(result: T, registry: Registry, ranked: RankedPassage[]): Promise<T> {
    if (result.citations.length === 0) return result;
    const cited = await retriever.index.passages(result.citations.map((c) => c.chunkId));
    const duplicates = await retriever.index.duplicatesOf(cited);
    const docOf = new Map(cited.map((p) => [p.id, p.docId]));
    for (const citation of result.citations) {
      citation.alsoIn = (duplicates.get(citation.chunkId) ?? []).map((d) => ({ docTitle: d.docTitle, docNumber: d.docNumber, section: d.section, docDate: d.docDate }));
      const validity = citationValidity(registry, docOf.get(citation.chunkId) ?? "");
      if (validity) citation.validity = validity;
    }
    const lines: string[] = [];
    for (const note of validityNotes(cited, registry, ranked)) {
      lines.push(note.warning);
      if (!note.newer) continue;
      const { passage, name, text } = note.newer;
      const n = result.citations.length + 1;
      const validity = citationValidity(registry, passage.docId);
      result.citations.push({ n, chunkId: passage.id, docTitle: passage.docTitle, docNumber: passage.docNumber, section: passage.section, quote: text, label: passage.citation, alsoIn: [], ...(validity ? { validity } : {}) });
      lines.push(messages.newerPassage(name, text, n));
    }
    if (lines.length) result.answer = `${result.answer}\n\n${lines.join("\n")}`;
    return result;
  }

  return async function answer(question: string, options: AnswerOptions = {}): Promise<AnswerResult> {
    const k = options.k ?? deps.defaultK ?? 5;
    const trimmed = question.trim();
    const base = { citations: [] as Citation[], passages: [] as PassageOut[], suggestions: [] as string[] };
    if (!trimmed) return { ...base, answer: messages.emptyQuestion, abstained: true, confidence: 0, mode: "abstained", grade: "none" };
    const curated = await curatedAnswer(trimmed, options).catch((error: unknown) => {
      logger.error("answer.curated_failed", { error, action: "the question is answered from the documents" });
      return undefined;
    });
    if (curated) return curated;
    const filtered = Boolean(options.level || options.inForceOnly);
    // A filter drops passages after retrieval: more are retrieved so that k remain.
    const retrieval = await retriever.retrieve(trimmed, { k: filtered ? k * FILTER_RETRIEVAL_FACTOR : k });
    const { query } = retrieval;
    // "?", "👍", "a": nothing to look up.
    if (!query.searchTokens.some((token) => token.length >= 2)) {
      return { ...base, answer: messages.noSearchableWords, abstained: true, confidence: 0, mode: "abstained", grade: "none" };
    }
    const index = retriever.index;
    const registry = await index.registry();
    const intent = analyseQuestionIntent(trimmed, query, withDocumentPlaces(retriever.lexicon, registry));
    const ranked = preferInForce(await filterByDocument(retrieval.ranked, registry, options, index), registry, intent).slice(0, k);
    const context = answerContext(intent, query, ranked, index);
    const sentences = scoreSentences(context);
    const { candidate, rules } = await proposeAnswer(context, sentences);
    const features = featuresOf({ query, ranked, candidate, stats: index.stats });
    const scores = ranked.length ? answerability(features) : { covered: 0, right: 0 };
    // A bare word or two ("QCDC", "thủ trưởng") is a search, not a question: its passages are shown, nothing asserted.
    // A place the documents never mention ("Tỉnh ủy Bắc Ninh" when only Bắc Giang's texts are here) is not covered.
    const absentPlaces = placesNotInDocuments(trimmed, retriever.lexicon, index.stats);
    // A question from another field altogether is not covered, whatever passage shares a word or two with it.
    const otherField = farOff(query, ranked[0], index.stats);
    // What the documents cannot say however well the words match: a text they do not hold, its date or signer, a count.
    const unstated = notStated(intent, registry, index.stats, sentences, { question: trimmed, context, listed: Boolean(candidate?.counted) });
    // The list of the very actor the question names is asserted once the documents are found to cover the question.
    const ownList = candidate?.rule === "actor-list" && (candidate.focusMatch ?? 0) >= ACTOR_LIST_ANSWER;
    const modelGrade: Grade = !candidate ? "none" : ownList && scores.covered >= ANSWERABILITY.thresholds.covered ? "answer" : gradeOf(scores);
    const graded: Grade = absentPlaces.length === 0 && !unstated && !otherField ? modelGrade : "none";
    const bare = query.concepts.length < MIN_CONCEPTS_TO_ASSERT || (intent.type === "fact" && query.concepts.length <= MIN_CONCEPTS_TO_ASSERT);
    const grade: Grade = graded === "answer" && bare ? "related" : graded;
    const passages = toPassageOut(ranked);
    const composed = candidate ? composeAnswer(candidate) : undefined;
    const explain: Explanation = {
      intent, rules, features, ...(absentPlaces.length ? { absentPlaces } : {}), ...(otherField ? { otherField } : {}), ...(unstated ? { notStated: unstated } : {}), covered: round(scores.covered), right: round(scores.right), thresholds: ANSWERABILITY.thresholds,
      candidate: candidate && { rule: candidate.rule, rank: candidate.rank, focusMatch: candidate.focusMatch, support: round(candidate.support), typeFound: candidate.typeFound, score: round(candidate.score), passageId: candidate.passage.id, citedIds: [...new Set([candidate.lead, ...candidate.lines].filter((l) => l !== undefined).map((l) => l.passage.id))], text: composed!.text },
      passages: ranked.map((r, i) => ({ rank: i + 1, chunkId: r.passage.id, section: r.passage.section, score: round(r.score), coverage: round(r.coverage.combined), fulltext: round(r.fulltext), similarity: round(r.similarity) })),
    };
    // How sure the reply is: that the documents cover the question and that the answer proposed is right.
    const confidence = round(Math.min(scores.covered, scores.right));

    if (grade === "none" || !candidate) {
      const suggestions = suggestionsFrom(ranked);
      // A missing count, interval or length of time is said only when it alone refuses: "đảng phí … bao nhiêu phần trăm" is simply not covered.
      const specific = unstated && ((unstated.reason !== "count" && unstated.reason !== "frequency" && unstated.reason !== "duration") || modelGrade !== "none") ? messages.notStated(unstated) : undefined;
      const notFound = absentPlaces.length ? messages.placeNotCovered(absentPlaces) : specific ?? messages.notFound;
      const text = suggestions.length ? `${notFound}\n${messages.notFoundSuggest}\n${suggestions.map((s) => `• ${s}`).join("\n")}` : notFound;
      return { answer: text, abstained: true, confidence, citations: [], passages, mode: "abstained", grade: "none", suggestions, explain };
    }
    if (grade === "related") {
      const related = composeRelated(candidate, ranked, sentences);
      return annotated({ answer: related.text, abstained: true, confidence, citations: related.citations, passages, mode: "related", grade, suggestions: [], explain }, registry, ranked);
    }
    if (generator) {
      // The model writes from the passages, the proposed answer's own passage first; its citations are checked.
      const given: Passage[] = [candidate.passage, ...ranked.map((r) => r.passage).filter((p) => p.id !== candidate.passage.id)];
      try {
        const generated = await generator.generate(trimmed, given);
        const quoteOf = (p: Passage) => candidate.lines.find((l) => l.passage.id === p.id)?.text ?? sentences.find((s) => context.read[s.passage]?.passage.id === p.id)?.text ?? p.clean.slice(0, 200);
        const verified = verifyCitations(generated, given, quoteOf);
        if (verified.citations.length > 0) return annotated({ answer: verified.text, abstained: false, confidence, citations: verified.citations, passages, mode: "generated", grade, suggestions: [], explain }, registry, ranked);
      } catch (error) {
        // The model failed (network, quota): the extractive answer below is still grounded.
        logger.warn("answer.model_failed", { error, action: "the quoted answer is given instead" });
      }
    }
    return annotated({ answer: composed!.text, abstained: false, confidence, citations: composed!.citations, passages, mode: candidate.listed ? "list" : "extractive", grade, suggestions: [], explain }, registry, ranked);
  };
}

export type Answerer = ReturnType<typeof createAnswerer>;
