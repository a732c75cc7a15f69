import { parseArgs } from "node:util";
import { loadConfig, loadDotEnv } from "../../src/config.ts";
import { LEVEL_NAMES } from "../../src/documents/level.ts";
import { statusText } from "../../src/documents/describe.ts";
import type { RegisteredDocument } from "../../src/documents/registry.ts";
import { createEmbedder } from "../../src/embed/factory.ts";
import { displayDate } from "../../src/index/schema.ts";
import { openIndex } from "../../src/index/store.ts";
import { runMain } from "../../src/run-main.ts";

/** The `--json` shape of one document: a stable contract for other tools. */
export function documentJson(doc: RegisteredDocument) {
  const { validity } = doc;
  return {
    id: doc.docId, title: doc.title, kind: doc.kind, number: doc.number, issuer: doc.issuer, date: doc.date, file: doc.path, passages: doc.chunkCount,
    level: doc.level, effective: doc.effective, status: validity.status,
    ...(validity.by ? { by: { id: validity.by.docId, title: validity.by.title, number: validity.by.number, date: validity.by.date } } : {}),
    ...(validity.articles?.length ? { articles: validity.articles } : {}),
    setByAdmin: doc.adminFields,
    relations: doc.relations.map((r) => ({
      type: r.type,
      target: { number: r.target.number, ...(r.resolved ? { title: r.resolved.title, id: r.resolved.docId } : {}) },
      ...(r.articles ? { articles: r.articles } : {}),
      evidence: r.evidence,
    })),
  };
}

const RELATION_NAMES = { replaces: "thay thế", repeals: "bãi bỏ", amends: "sửa đổi, bổ sung", guides: "hướng dẫn thực hiện", implements: "triển khai", references: "nhắc đến" } as const;

function printTable(documents: readonly RegisteredDocument[]): void {
  console.log(`Sổ văn bản: ${documents.length} văn bản\n`);
  for (const [i, doc] of documents.entries()) {
    const identity = [doc.kind, doc.number && `số ${doc.number}`, doc.date && displayDate(doc.date)].filter(Boolean).join(" · ");
    console.log(`${i + 1}. ${doc.title}`);
    console.log(`   ${identity || "(chưa rõ số, ngày)"} · cấp ${LEVEL_NAMES[doc.level]} · ${statusText(doc.validity)}${doc.effective ? ` · hiệu lực từ ${displayDate(doc.effective)}` : ""}`);
    for (const r of doc.relations) {
      const target = r.resolved ? `${r.target.number} (${r.resolved.title})` : `${r.target.number} (chưa có trong kho)`;
      console.log(`   → ${RELATION_NAMES[r.type]} ${target}`);
    }
    if (doc.adminFields.length) console.log(`   (quản trị viên đặt: ${doc.adminFields.join(", ")} — ghi đè kết quả tự nhận biết)`);
    console.log(`   tệp: ${doc.path}`);
  }
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } } });
  if (values.help) {
    console.log("Cách dùng: npm run documents -- [--json]");
    return 0;
  }
  loadDotEnv();
  const config = loadConfig();
  const index = await openIndex(config.indexDir, createEmbedder(config).info);
  try {
    const { documents } = await index.registry();
    if (values.json) console.log(JSON.stringify(documents.map(documentJson)));
    else printTable(documents);
    return 0;
  } finally {
    index.close();
  }
}

if (import.meta.main) runMain(() => main());
