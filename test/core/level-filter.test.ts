import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversation } from "../../bot/core/conversation.ts";
import type { Reply } from "../../bot/core/replies.ts";
import { renderPlain } from "../../bot/core/render-text.ts";
import { coreText } from "../../bot/messages.ts";
import { openLibsqlStore } from "../../src/state/libsql.ts";
import type { StateStore } from "../../src/state/store.ts";
import { answererOver, tempDir } from "../helpers/index.ts";

/** Two made-up texts on the same point, one of a province and one of a commune: `/capdo` chooses between them. */
/** An article two texts carry word for word (long enough to be a passage of its own): one passage stands for both in searches. */
const SHARED = [
  "Điều 2. Cán bộ, đảng viên phải gương mẫu chấp hành quy định về tiếp xúc, đối thoại, không để phát sinh điểm nóng về khiếu kiện đông người ở địa bàn.",
  "Việc tiếp xúc, đối thoại được chuẩn bị chu đáo, nội dung cụ thể, thiết thực, gắn với việc giải quyết những kiến nghị chính đáng của nhân dân.",
  "Mỗi cuộc đối thoại có biên bản, kết luận rõ việc gì đã giải quyết, việc gì còn phải làm, ai chịu trách nhiệm và thời hạn hoàn thành.",
  "Kết quả đối thoại được thông báo công khai tại nhà văn hóa thôn, trên loa truyền thanh và tại các cuộc họp chi bộ gần nhất.",
  "Những kiến nghị vượt thẩm quyền được chuyển đến cơ quan có thẩm quyền, đồng thời trả lời người dân biết nơi đang giải quyết.",
  "Cấp ủy định kỳ kiểm tra, giám sát việc thực hiện, biểu dương nơi làm tốt và nhắc nhở nơi còn hình thức, làm cho có.",
].join(" ");
const sharedText = (organ: string, number: string, extra: string) => [
  organ, "", `Số ${number}`, "", "Ngày 2 tháng 2 năm 2022", "", "QUY ĐỊNH", "", "về tiếp xúc, đối thoại với nhân dân", "", `Điều 1. ${extra}`, "", SHARED,
].join("\n");
const text = (organ: string, number: string, rule: string) => [
  organ,
  "",
  `Số ${number}`,
  "",
  "Ngày 2 tháng 2 năm 2022",
  "",
  "QUY ĐỊNH",
  "",
  "về tiếp xúc, đối thoại với nhân dân",
  "",
  `Điều 1. ${rule}`,
].join("\n");

let answerer: Awaited<ReturnType<typeof answererOver>>;
let store: StateStore;
let cleanup: () => Promise<void>;
let handle: ReturnType<typeof createConversation>["handle"];
beforeAll(async () => {
  answerer = await answererOver({
    "tinh.txt": text("TỈNH ỦY AN PHÚ", "05-QĐi/TU", "Người đứng đầu cấp ủy tỉnh đối thoại trực tiếp với nhân dân ít nhất hai lần mỗi năm."),
    "xa.txt": text("ĐẢNG ỦY XÃ BÌNH MINH", "07-QĐi/ĐU", "Bí thư Đảng ủy xã đối thoại trực tiếp với nhân dân ít nhất mỗi quý một lần."),
  });
  const temp = await tempDir();
  store = await openLibsqlStore(`file:${path.join(temp.dir, "state.db")}`);
  cleanup = temp.cleanup;
  ({ handle } = createConversation({
    answer: (q, filter) => answerer.answer(q, filter), passage: (id) => answerer.index.passage(id), documents: async () => (await answerer.index.registry()).documents,
    store, bank: () => [], checklists: () => [], practiceCount: 10, maxQuestionChars: 1000, questionsPerMinute: 1000,
  }));
});
afterAll(async () => {
  store.close();
  await answerer.close();
  await cleanup();
});

const say = (text: string, userId: string) => handle({ channel: "test", chatId: userId, userId, userName: "Thử", text });
const plain = (replies: Reply[]) => replies.map(renderPlain).join("\n---\n");
const QUESTION = "người đứng đầu đối thoại trực tiếp với nhân dân mấy lần";

describe("/capdo: answers from one issuing level", () => {
  it("an article two levels share word for word is answered, for each level, from that level's own text", async () => {
    const shared = await answererOver({
      "tinh.txt": sharedText("TỈNH ỦY AN PHÚ", "08-QĐi/TU", "Ban Dân vận Tỉnh ủy theo dõi, tổng hợp kết quả hằng năm trên địa bàn toàn tỉnh và báo cáo Ban Thường vụ."),
      "xa.txt": sharedText("ĐẢNG ỦY XÃ BÌNH MINH", "09-QĐi/ĐU", "Văn phòng Đảng ủy xã giúp Thường trực theo dõi việc thực hiện ở các thôn và báo cáo hằng quý."),
    });
    try {
      const question = "cán bộ đảng viên phải gương mẫu để không phát sinh điểm nóng về khiếu kiện đông người";
      // One of the two stands for both in searches; the other is listed as "also in".
      const plainAnswer = await shared.answer(question);
      expect(plainAnswer.citations[0]!.alsoIn).toHaveLength(1);
      for (const [level, number] of [["xa", "09-QĐi/ĐU"], ["tinh", "08-QĐi/TU"]] as const) {
        const result = await shared.answer(question, { level });
        expect(result.grade).not.toBe("none");
        expect(result.citations.find((c) => c.quote.includes("gương mẫu"))?.docNumber).toBe(number);
      }
    } finally {
      await shared.close();
    }
  });

  it("limits a user's answers to the level chosen, says so under each answer, and /capdo tat-ca lifts it", async () => {
    expect(plain(await say("/capdo", "u1"))).toContain(coreText.levelNow(undefined).split("\n")[0]!);
    expect(plain(await say("/capdo xa", "u1"))).toBe(coreText.levelSet("xa"));
    expect(plain(await say("/capdo", "u1"))).toContain(coreText.levelNow("xa").split("\n")[0]!);
    const commune = plain(await say(QUESTION, "u1"));
    expect(commune).toContain("mỗi quý một lần");
    expect(commune).not.toContain("hai lần mỗi năm");
    expect(commune).toContain(coreText.levelNote("xa"));
    expect(plain(await say("/capdo tỉnh", "u1"))).toBe(coreText.levelSet("tinh"));
    const province = plain(await say(QUESTION, "u1"));
    expect(province).toContain("hai lần mỗi năm");
    expect(province).not.toContain("mỗi quý một lần");
    // Another user is not limited; the first lifts the limit.
    expect(plain(await say(QUESTION, "u2"))).not.toContain("(Chỉ tra cứu văn bản cấp");
    expect(plain(await say("/capdo tat-ca", "u1"))).toBe(coreText.levelSet(undefined));
    expect(plain(await say(QUESTION, "u1"))).not.toContain("(Chỉ tra cứu văn bản cấp");
  });
});
