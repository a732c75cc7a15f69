import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse, stringify } from "yaml";

/** Corpora the benchmarks build from the bundled documents: copies, re-issued near-copies, and many distinct passages. */

/**
 * Copies the bundled documents `copies` times into a folder; each copy gets a distinct first line
 * so its content hash (and its passages) differ, as a real large collection would.
 */
export async function replicateCorpus(source: string, target: string, copies: number): Promise<number> {
  const files = (await readdir(source)).filter((f) => f.endsWith(".txt"));
  let bytes = 0;
  await mkdir(target, { recursive: true });
  for (let i = 0; i < copies; i++) {
    for (const file of files) {
      const text = await readFile(path.join(source, file), "utf8");
      const out = `Bản sao số ${i + 1}.\n\n${text}`;
      const name = `${String(i).padStart(4, "0")}-${file}`;
      await writeFile(path.join(target, name), out);
      try {
        await copyFile(path.join(source, `${file}.meta.yaml`), path.join(target, `${name}.meta.yaml`));
      } catch {
        // no metadata file
      }
      bytes += Buffer.byteLength(out);
    }
  }
  return bytes;
}

const PROVINCES = ["Đông Hòa", "Tây Sơn", "Nam Định Mới", "Bắc Bình", "Trung Lương", "Hòa Vang", "An Lạc", "Phú Thịnh", "Thanh Bình", "Kim Sơn"];

/** A small deterministic generator (mulberry32), so every run builds the same corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The bundled documents re-issued `copies` times, as provinces re-issue central texts: each copy gets
 * its own year (in its `.meta.yaml`) and a preamble naming its province, and about one
 * paragraph in eight gets a sentence added or a phrase reworded. Numbers are never changed, so every
 * copy of a passage says the same thing. Returns the bytes written.
 */
export async function reissuedCorpus(source: string, target: string, copies: number): Promise<number> {
  const files = (await readdir(source)).filter((f) => f.endsWith(".txt"));
  const next = random(20261202);
  let bytes = 0;
  await mkdir(target, { recursive: true });
  for (let i = 0; i < copies; i++) {
    const province = `${PROVINCES[i % PROVINCES.length]}${i >= PROVINCES.length ? ` ${Math.floor(i / PROVINCES.length) + 1}` : ""}`;
    for (const file of files) {
      const paragraphs = (await readFile(path.join(source, file), "utf8")).split(/\n\s*\n/);
      const edited = paragraphs.map((p) => {
        const roll = next();
        if (p.length < 200 || roll > 0.25) return p;
        return roll < 0.125 ? `${p} Ban Dân vận Tỉnh ủy ${province} theo dõi, đôn đốc việc thực hiện nội dung này.` : p.replace(/cơ quan/u, "cơ quan, đơn vị");
      });
      const out = `Thực hiện chỉ đạo của cấp trên, Tỉnh ủy ${province} ban hành lại văn bản dưới đây để các cấp ủy trong tỉnh quán triệt, thực hiện.\n\n${edited.join("\n\n")}`;
      const name = `${String(i).padStart(4, "0")}-${file}`;
      await writeFile(path.join(target, name), out);
      let meta: Record<string, unknown> = {};
      try {
        meta = (parse(await readFile(path.join(source, `${file}.meta.yaml`), "utf8")) as Record<string, unknown>) ?? {};
      } catch {
        // no metadata file
      }
      // The re-issued year only: the title and issuer stay, as the words they index belong to the text.
      const own = { date: String(2016 + (i % 10)) };
      const documents = Array.isArray(meta.documents) ? (meta.documents as Array<Record<string, unknown>>).map((d) => ({ ...d, ...own })) : undefined;
      await writeFile(path.join(target, `${name}.meta.yaml`), stringify(documents ? { documents } : { ...meta, ...own }));
      bytes += Buffer.byteLength(out);
    }
  }
  return bytes;
}

/**
 * About `passages` distinct passages: files of 50 numbered sections, each section 6 to 10 sentences
 * drawn at random from the bundled documents, so no two passages share much of their wording (a large
 * knowledge base of different texts, for latency; the answers mean nothing). Returns the bytes written.
 */
export async function shuffledCorpus(source: string, target: string, passages: number): Promise<number> {
  const files = (await readdir(source)).filter((f) => f.endsWith(".txt"));
  const sentences: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(source, file), "utf8");
    sentences.push(...text.split(/(?<=[.;!?])\s+/u).map((s) => s.replace(/\s+/g, " ").trim()).filter((s) => s.length >= 40 && s.length <= 400 && !/^[\dIVX]+[.-]/u.test(s)));
  }
  const next = random(7);
  const pick = () => sentences[Math.floor(next() * sentences.length)]!;
  await mkdir(target, { recursive: true });
  let bytes = 0;
  const sections = 50;
  for (let f = 0; f * sections < passages; f++) {
    const parts = [`KẾ HOẠCH TỔNG HỢP SỐ ${f + 1}`];
    for (let s = 0; s < sections; s++) {
      const count = 6 + Math.floor(next() * 5);
      parts.push(`${s + 1}. Nội dung số ${s + 1} của kế hoạch ${f + 1}`, Array.from({ length: count }, pick).join(" "));
    }
    const out = parts.join("\n\n");
    await writeFile(path.join(target, `${String(f).padStart(5, "0")}-tong-hop.txt`), out);
    bytes += Buffer.byteLength(out);
  }
  return bytes;
}
