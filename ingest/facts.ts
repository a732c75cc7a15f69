import type { Fact } from "../src/structure/facts.ts";
import { assignedActor, assignedDuties, clauseContinuation, clauseDuties } from "../src/structure/assignment.ts";
import { isRecipientsLead, listBlocks, listSubject, sequenceBlocks } from "../src/structure/blocks.ts";
import { listMarkerOf, STEPS_LEAD, withoutOutlineNumber } from "../src/text/drafting.ts";
import type { ChunkInput } from "../src/index/rows.ts";
import type { Paragraph } from "./clean.ts";
import { buildOutline } from "./chunk.ts";

/** Outline units that number the parts of a text (not enumerations, not labels). */
const NUMBERED = new Set(["chapter", "section", "article", "roman", "arabic", "arabic2", "letter"]);

type Section = ReturnType<typeof buildOutline>;

/**
 * An item is kept to its opening words: answers show its first sentence (at most 240 characters) and
 * "who" questions match its words, while a whole paragraph per item made the table of a large knowledge
 * base take hundreds of megabytes in memory (bench:query, 100,000 passages).
 */
const ITEM_CHARS = 400;
const itemText = (text: string) => (text.length <= ITEM_CHARS ? text : text.slice(0, Math.max(text.lastIndexOf(" ", ITEM_CHARS), ITEM_CHARS / 2)));
/** A lead-in is kept to its closing words, the ones that introduce the list ("… như sau:"). */
const leadText = (text: string) => (text.length <= ITEM_CHARS ? text : text.slice(text.indexOf(" ", text.length - ITEM_CHARS) + 1));

/**
 * The lists of a document for the facts table, read over the whole document so that a list cut
 * between passages stays one list, each item cited from the passage that holds it:
 * - runs of items ("- …", "Một là …", "Bước thứ hai …") with the paragraph that introduces them and
 *   whom they belong to (src/structure/blocks.ts);
 * - parts of the outline whose subsections are numbered ("II- NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU" → "1- …",
 *   "2- …"): the items are the subsection headings;
 * - assignment clauses ("5- Ban Dân vận Tỉnh ủy tham mưu …; tham mưu …"): the actor's duties are the
 *   clause's parts between ";" (src/structure/assignment.ts).
 */
export function documentFacts(path: string, docId: string, body: Paragraph[], chunks: ChunkInput[]): Fact[] {
  const chunkAt = (offset: number) => chunks.find((c) => c.charStart <= offset && offset < c.charEnd) ?? chunks.find((c) => c.charStart >= offset);
  const facts: Fact[] = [];
  const paragraphs = body.map((p) => ({ text: p.text, marker: listMarkerOf(p.text) }));
  for (const block of [...listBlocks(paragraphs), ...sequenceBlocks(paragraphs)]) {
    const home = chunkAt(body[block.lead >= 0 ? block.lead : block.items[0]!]!.start);
    const items = block.items.map((i) => chunkAt(body[i]!.start));
    if (!home || items.some((c) => !c)) continue;
    const lead = block.lead >= 0 ? paragraphs[block.lead]!.text : "";
    const headings = items[0]!.headings;
    const subject = listSubject(headings, lead || undefined);
    const steps = block.marker === "step" || STEPS_LEAD.test(lead);
    if ((!subject && !steps) || isRecipientsLead(lead)) continue;
    facts.push({
      passageId: home.id, path, docId, kind: steps ? "steps" : "list", subject, headings, lead: leadText(lead),
      items: block.items.map((i) => itemText(paragraphs[i]!.text)), itemPassages: items.map((c) => c!.id),
    });
  }
  const walk = (section: Section, headings: string[]) => {
    const here = section.heading ? [...headings, section.label] : headings;
    const numbered = section.children.filter((child) => child.heading && NUMBERED.has(child.heading.kind));
    const head = section.body[0];
    if (section.heading && head && numbered.length >= 2) {
      const home = chunkAt(head.start);
      const items = numbered.map((child) => ({ text: child.body[0]!.text, chunk: chunkAt(child.body[0]!.start) }));
      if (home && items.every((item) => item.chunk)) {
        facts.push({
          passageId: home.id, path, docId, kind: "list", subject: withoutOutlineNumber(section.label), headings: here, lead: leadText(head.text),
          items: items.map((item) => itemText(item.text)), itemPassages: items.map((item) => item.chunk!.id), outline: true,
        });
      }
    }
    const first = section.body[0];
    const actor = section.heading && NUMBERED.has(section.heading.kind) && first && !/:\s*$/u.test(first.text) ? assignedActor(first.text) : undefined;
    if (actor) {
      const rest = clauseContinuation(section.body.slice(1).map((p) => p.text));
      const parts = [first!, ...section.body.slice(1, 1 + rest.length)];
      const duties = parts.flatMap((paragraph, i) => (i === 0 ? assignedDuties(paragraph.text, actor) : clauseDuties(paragraph.text)).map((duty) => ({ duty, chunk: chunkAt(paragraph.start) })));
      // One duty is a sentence about the body, not its list ("2- Ủy ban nhân dân tỉnh chỉ đạo …." stays a sentence answer).
      if (duties.length >= 2 && duties.every((d) => d.chunk)) {
        facts.push({
          passageId: chunkAt(first!.start)!.id, path, docId, kind: "list", subject: actor, headings: here,
          // The clause's number and actor ("5- Ban Dân vận Tỉnh ủy"), shown as the list's lead-in.
          lead: first!.text.slice(0, first!.text.indexOf(actor) + actor.length),
          items: duties.map((d) => itemText(d.duty)), itemPassages: duties.map((d) => d.chunk!.id), assignment: true,
        });
      }
    }
    for (const child of section.children) walk(child, here);
  };
  walk(buildOutline(body), []);
  return facts;
}
