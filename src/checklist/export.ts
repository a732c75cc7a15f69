import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { ChecklistState } from "./engine.ts";
import { displayAnswer, findField } from "./engine.ts";
import type { Checklist } from "./schema.ts";

export type ExportDoc = { title: string; markdown: string; docx: Buffer; fileName: string };

type Section = { heading: string; lines: Array<{ label: string; value: string }> };

function sectionsFor(checklist: Checklist, state: ChecklistState, exportId: string): { title: string; sections: Section[] } {
  const spec = checklist.exports.find((e) => e.id === exportId);
  const answer = (id: string) => {
    const entry = findField(checklist, id);
    // A question left unanswered becomes a dotted line to fill in by hand, as on printed forms.
    const value = state.answers[id];
    return entry ? { label: entry.field.label, value: value === null || value === undefined ? "……………………………" : displayAnswer(entry.field, value) } : undefined;
  };
  if (spec) {
    return {
      title: spec.title,
      sections: spec.sections.map((s) => ({ heading: s.heading, lines: s.fields.map(answer).filter((x) => x !== undefined) })),
    };
  }
  // A checklist without an export spec: one section per step.
  return {
    title: checklist.title,
    sections: checklist.steps.map((step, i) => ({ heading: `Bước ${i + 1}. ${step.title}`, lines: step.fields.map((f) => answer(f.id)!).filter(Boolean) })),
  };
}

function sources(checklist: Checklist): string[] {
  const seen = new Set<string>();
  for (const step of checklist.steps) {
    for (const source of [step.source, ...step.tips.map((t) => t.source)]) {
      seen.add([source.document, source.section].filter(Boolean).join(" › "));
    }
  }
  return [...seen];
}

const slug = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The filled document as DOCX (the `docx` library) and as Markdown text. */
export async function exportDocument(checklist: Checklist, state: ChecklistState, exportId: string, now = new Date()): Promise<ExportDoc> {
  const { title, sections } = sectionsFor(checklist, state, exportId);
  const cited = sources(checklist);
  const date = `${now.getDate()}/${now.getMonth() + 1}/${now.getFullYear()}`;
  const markdown = [
    `# ${title}`,
    `_Lập ngày ${date} với Trợ lý Dân vận._`,
    ...sections.flatMap((s, i) => [`## ${i + 1}. ${s.heading}`, ...s.lines.map((l) => `- **${l.label}:** ${l.value}`)]),
    "## Căn cứ, nguồn trích dẫn",
    ...cited.map((c) => `- ${c}`),
  ].join("\n\n");
  const doc = new Document({
    creator: "Trợ lý Dân vận",
    title,
    sections: [{
      children: [
        new Paragraph({ text: title.toUpperCase(), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `Lập ngày ${date}`, italics: true })] }),
        ...sections.flatMap((s, i) => [
          new Paragraph({ text: `${i + 1}. ${s.heading}`, heading: HeadingLevel.HEADING_2 }),
          ...s.lines.map((l) => new Paragraph({ children: [new TextRun({ text: `${l.label}: `, bold: true }), new TextRun(l.value)] })),
        ]),
        new Paragraph({ text: "Căn cứ, nguồn trích dẫn", heading: HeadingLevel.HEADING_2 }),
        ...cited.map((c) => new Paragraph({ text: `- ${c}` })),
      ],
    }],
  });
  return { title, markdown, docx: await Packer.toBuffer(doc), fileName: `${slug(title)}.docx` };
}
