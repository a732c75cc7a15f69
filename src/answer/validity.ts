import { documentName, validityWarning } from "../documents/describe.ts";
import type { IssuerLevel } from "../documents/level.ts";
import type { Registry } from "../documents/registry.ts";
import type { Passage } from "../index/schema.ts";
import type { Duplicate, KnowledgeIndex } from "../index/store.ts";
import type { RankedPassage } from "../retrieve.ts";
import { collapseWhitespace } from "../text/normalize.ts";
import { firstSentence } from "./rules/text.ts";
import type { QuestionAnalysis } from "./question.ts";
import { documentMatch } from "./scope.ts";
import type { Citation } from "./types.ts";
import { LIMITS, VALIDITY } from "./weights.ts";

/**
 * Answers and the document registry (src/documents/registry.ts): texts in force are preferred over
 * texts replaced, a reply that quotes a replaced or amended text says so and offers the newer text's
 * passage on the same point when retrieval found one, and questions may be limited to one issuing
 * level or to texts in force.
 */

export type DocumentFilter = { level?: IssuerLevel; inForceOnly?: boolean };

/** A passage's document is of the level asked for, and in force when only texts in force are wanted. */
export function passesFilter(passage: Pick<Passage, "docId">, registry: Registry, filter: DocumentFilter): boolean {
  const doc = registry.get(passage.docId);
  if (filter.level && doc?.level !== filter.level) return false;
  if (filter.inForceOnly && doc && ["superseded", "not-yet-in-force"].includes(doc.validity.status)) return false;
  return true;
}

/**
 * The passages a filter keeps (a level, texts in force), before any answer rule reads them. Searches
 * see one member of each near-duplicate group: when that one fails the filter, a member of its group
 * that passes stands in (a commune's copy of a province's article answers a question limited to communes).
 */
export async function filterByDocument(ranked: RankedPassage[], registry: Registry, filter: DocumentFilter, index: Pick<KnowledgeIndex, "duplicatesOf" | "passages">): Promise<RankedPassage[]> {
  if (!filter.level && !filter.inForceOnly) return ranked;
  const passes = (passage: Passage) => passesFilter(passage, registry, filter);
  const failing = ranked.filter((r) => !passes(r.passage)).map((r) => r.passage);
  const duplicates = failing.length ? await index.duplicatesOf(failing) : new Map<string, Duplicate[]>();
  const members = new Map((await index.passages([...duplicates.values()].flat().map((d) => d.chunkId))).map((p) => [p.id, p]));
  const out: RankedPassage[] = [];
  for (const r of ranked) {
    if (passes(r.passage)) out.push(r);
    else {
      const standIn = (duplicates.get(r.passage.id) ?? []).map((d) => members.get(d.chunkId)).find((p): p is Passage => p !== undefined && passes(p));
      if (standIn) out.push({ ...r, passage: standIn });
    }
  }
  return out;
}

/**
 * Texts in force before texts replaced: a replaced text's passage is left out when a passage of the text
 * that replaced it was retrieved too (the new text speaks to the same point), and otherwise weighs less;
 * not when the question names the old text ("Quy chế số 03 quy định gì"): then it is the one asked about.
 */
export function preferInForce(ranked: RankedPassage[], registry: Registry, intent: QuestionAnalysis): RankedPassage[] {
  const present = new Set(ranked.map((r) => r.passage.docId));
  let changed = false;
  const kept: RankedPassage[] = [];
  for (const r of ranked) {
    const validity = registry.validity(r.passage.docId);
    if (validity?.status !== "superseded" || documentMatch(intent.scope, r.passage) === 1) {
      kept.push(r);
      continue;
    }
    changed = true;
    // Left out only for a successor in force that was retrieved too.
    const successor = validity.by && registry.validity(validity.by.docId)?.status;
    if (validity.by && present.has(validity.by.docId) && (successor === "in-force" || successor === "amended")) continue;
    kept.push({ ...r, score: r.score * VALIDITY.superseded });
  }
  return changed ? kept.sort((a, b) => b.score - a.score) : ranked;
}

/** The citation field `validity` of `ask --json`. */
export function citationValidity(registry: Registry, docId: string): Citation["validity"] {
  const validity = registry.validity(docId);
  if (!validity) return undefined;
  return {
    status: validity.status,
    ...(validity.by ? { by: { title: validity.by.title, number: validity.by.number, date: validity.by.date } } : {}),
    ...(validity.effective ? { effective: validity.effective } : {}),
  };
}

export type ValidityNote = { warning: string; newer?: { passage: Passage; name: string; text: string } };

/**
 * The warnings a reply carries for the texts it quotes, and for each replaced one the newer text's
 * passage on the same point when retrieval found it (the first such passage, as ranked).
 */
export function validityNotes(cited: readonly Passage[], registry: Registry, ranked: readonly RankedPassage[]): ValidityNote[] {
  const notes: ValidityNote[] = [];
  for (const docId of new Set(cited.map((p) => p.docId))) {
    const validity = registry.validity(docId);
    const warning = validityWarning(validity);
    if (!warning) continue;
    const by = validity?.by;
    const replacement = by && ranked.find((r) => r.passage.docId === by.docId)?.passage;
    notes.push({
      warning,
      ...(by && replacement && !cited.some((p) => p.id === replacement.id)
        ? { newer: { passage: replacement, name: documentName(by), text: firstSentence(collapseWhitespace(replacement.clean), LIMITS.itemChars) } }
        : {}),
    });
  }
  return notes;
}
