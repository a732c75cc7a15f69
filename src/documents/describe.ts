import { displayDate } from "../index/schema.ts";
import type { DocumentRef, Validity } from "./registry.ts";

/** How a document is named in a sentence: "Quy chế số 09-QC/ĐU ngày 1/3/2024", else its title. */
export function documentName(ref: Pick<DocumentRef, "title" | "kind" | "number" | "date">): string {
  const date = ref.date ? ` ngày ${displayDate(ref.date)}` : "";
  if (!ref.number) return `${ref.title}${date}`;
  return `${ref.kind || ref.title.split(/\s+(?:của|về)\s+/u)[0]} số ${ref.number}${date}`;
}

/** A document's status as users read it ("đã bị thay thế bởi Quy chế số 09-QC/ĐU ngày 1/3/2024"). */
export function statusText(validity: Validity): string {
  const by = validity.by ? ` bởi ${documentName(validity.by)}` : "";
  const articles = validity.articles?.length ? ` (Điều ${validity.articles.join(", ")})` : "";
  const text = {
    "in-force": "còn hiệu lực",
    superseded: `đã bị thay thế${by}`,
    amended: `đã được sửa đổi, bổ sung${articles}${by}`,
    "not-yet-in-force": `chưa có hiệu lực${validity.effective ? ` (có hiệu lực từ ${displayDate(validity.effective)})` : ""}`,
    unknown: "chưa rõ hiệu lực",
  }[validity.status];
  return validity.setByAdmin ? `${text} (do quản trị viên xác định)` : text;
}

/** The warning an answer carries when it quotes a replaced or amended text; undefined for the others. */
export function validityWarning(validity: Validity | undefined): string | undefined {
  if (!validity) return undefined;
  if (validity.status === "superseded") return `⚠️ Văn bản này đã được thay thế${validity.by ? ` bởi ${documentName(validity.by)}` : ""}.`;
  if (validity.status === "amended") {
    const what = validity.articles?.length ? `Điều ${validity.articles.join(", ")} của văn bản này` : "Văn bản này";
    return `⚠️ ${what} đã được sửa đổi, bổ sung${validity.by ? ` bởi ${documentName(validity.by)}` : ""}.`;
  }
  if (validity.status === "not-yet-in-force") return `⚠️ Văn bản này chưa có hiệu lực${validity.effective ? ` (có hiệu lực từ ${displayDate(validity.effective)})` : ""}.`;
  return undefined;
}
