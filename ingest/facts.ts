import type { Fact } from "../src/structure/facts.ts";
import { factsOf } from "../src/structure/facts.ts";
import { withoutOutlineNumber } from "../src/text/drafting.ts";
import type { BuiltChunk } from "./document.ts";
import type { Paragraph } from "./clean.ts";
import { buildOutline } from "./chunk.ts";

/** Outline units that number the parts of a text (not enumerations, not labels). */
const NUMBERED = new Set(["chapter", "section", "article", "roman", "arabic", "arabic2", "letter"]);

type Section = ReturnType<typeof buildOutline>;

/**
 * The lists of a document for the facts table: every list inside a passage (src/structure/facts.ts),
 * and every part of the outline whose subsections are numbered ("II- NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU" →
 * "1- …", "2- …"): its items are the subsection headings, each cited from the passage that holds it.
 */
export function documentFacts(path: string, body: Paragraph[], chunks: BuiltChunk[]): Fact[] {
  const facts = chunks.flatMap((chunk) => factsOf({ id: chunk.id, path, headings: chunk.headings, clean: chunk.clean, context: chunk.context }));
  const chunkAt = (offset: number) => chunks.find((c) => c.charStart <= offset && offset < c.charEnd) ?? chunks.find((c) => c.charStart >= offset);
  const walk = (section: Section, headings: string[]) => {
    const here = section.heading ? [...headings, section.label] : headings;
    const numbered = section.children.filter((child) => child.heading && NUMBERED.has(child.heading.kind));
    const head = section.body[0];
    if (section.heading && head && numbered.length >= 2) {
      const home = chunkAt(head.start);
      const items = numbered.map((child) => ({ text: child.body[0]!.text, chunk: chunkAt(child.body[0]!.start) }));
      if (home && items.every((item) => item.chunk)) {
        facts.push({
          passageId: home.id, path, kind: "list", subject: withoutOutlineNumber(section.label), headings: here, lead: head.text,
          items: items.map((item) => item.text), itemPassages: items.map((item) => item.chunk!.id),
        });
      }
    }
    for (const child of section.children) walk(child, here);
  };
  walk(buildOutline(body), []);
  return facts;
}
