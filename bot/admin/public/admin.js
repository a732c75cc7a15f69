// The admin console: lists, uploads and removes documents through /admin/api, with the session's CSRF token.
const csrf = document.querySelector('meta[name="csrf-token"]').content;
const $ = (id) => document.getElementById(id);
/** "1949-10-15" → "15/10/1949", as dates are written in Vietnam (a year alone stays a year). */
const shownDate = (iso) => iso.split("-").reverse().map((part) => String(Number(part))).join("/");

async function api(method, url, body) {
  const response = await fetch(url, { method, body, headers: { "x-csrf-token": csrf }, credentials: "same-origin" });
  const data = await response.json().catch(() => ({ error: `Lỗi ${response.status}` }));
  return { ok: response.ok, data };
}


async function loadDocuments() {
  const { ok, data } = await api("GET", "/admin/api/documents");
  const list = $("documents");
  list.replaceChildren();
  if (!ok) return void (list.textContent = data.error);
  for (const d of data.documents) {
    const item = document.createElement("li");
    const title = document.createElement("div");
    title.textContent = d.title;
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = [d.kind, d.number && `số ${d.number}`, d.date && shownDate(d.date), `${d.passages} đoạn`, d.standing, d.file].filter(Boolean).join(" · ");
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "secondary";
    remove.textContent = "Gỡ bỏ";
    remove.setAttribute("aria-label", `Gỡ bỏ ${d.title}`);
    remove.addEventListener("click", async () => {
      if (!confirm(`Gỡ bỏ «${d.title}» (tệp ${d.file}) khỏi kho tài liệu?`)) return;
      const result = await api("DELETE", `/admin/api/documents/${encodeURIComponent(d.id)}`);
      $("upload-result").className = result.ok ? "ok" : "error";
      $("upload-result").textContent = result.ok ? `Đã gỡ bỏ: ${result.data.removed.titles.join("; ")}` : result.data.error;
      await refresh();
    });
    item.append(title, meta, remove);
    list.append(item);
  }
}

async function loadAudit() {
  const { ok, data } = await api("GET", "/admin/api/audit");
  const list = $("audit");
  list.replaceChildren();
  if (!ok) return;
  for (const e of data.entries.slice(0, 30)) {
    const item = document.createElement("li");
    item.textContent = `${new Date(e.at).toLocaleString("vi-VN")} · ${e.actor} · ${e.action}${e.target ? ` · ${e.target}` : ""}${e.detail ? ` · ${e.detail}` : ""}`;
    list.append(item);
  }
}

/** The approve form, filled from a 👎 answer or a refused question (the admin edits the answer and the quote). */
function openCurate({ question = "", answer = "", chunkId = "", quote = "" }) {
  const form = $("curate");
  form.hidden = false;
  $("cq").value = question;
  $("ca").value = answer;
  $("cc").value = chunkId;
  $("cx").value = quote;
  $("cp").value = "";
  $("ca").focus();
}

function button(label, onClick, secondary = true) {
  const b = document.createElement("button");
  b.type = "button";
  if (secondary) b.className = "secondary";
  b.textContent = label;
  b.addEventListener("click", onClick);
  return b;
}

function line(text, className) {
  const div = document.createElement("div");
  if (className) div.className = className;
  div.textContent = text;
  return div;
}

async function loadCurated() {
  const { ok, data } = await api("GET", "/admin/api/curated");
  const list = $("curated");
  list.replaceChildren();
  if (!ok) return;
  for (const e of data.curated) {
    const item = document.createElement("li");
    item.append(
      line(e.question),
      line(`${e.status === "active" ? "đang dùng" : `tạm ngưng: ${e.reason ?? ""}`} · ${e.hits} lượt dùng · ${e.citations.map((c) => c.chunkId).join(", ")}`, e.status === "active" ? "meta" : "meta suspended"),
      button(`Xóa câu trả lời đã duyệt`, async () => {
        if (!confirm(`Xóa câu trả lời đã duyệt cho «${e.question}»?`)) return;
        await api("DELETE", `/admin/api/curated/${encodeURIComponent(e.id)}`);
        await refresh();
      }),
    );
    list.append(item);
  }
}

async function loadReview() {
  const { ok, data } = await api("GET", "/admin/api/review");
  if (!ok) return;
  const down = $("downvoted");
  down.replaceChildren();
  for (const d of data.downvoted) {
    const item = document.createElement("li");
    const first = d.passages[0] ?? {};
    item.append(line(d.question), line(d.answer.slice(0, 300), "meta"), line(`${d.channel} · ${new Date(d.at).toLocaleString("vi-VN")}`, "meta"),
      button("Duyệt câu trả lời sửa", () => openCurate({ question: d.question, answer: d.answer, chunkId: first.chunkId ?? "", quote: first.quote ?? "" })));
    down.append(item);
  }
  const refused = $("refused");
  refused.replaceChildren();
  for (const g of data.refused) {
    const item = document.createElement("li");
    item.append(line(`${g.count} lần: ${g.questions.join(" · ")}`), line(`Đoạn gần nhất: ${g.closest.map((p) => `${p.label} [${p.chunkId}]`).join(" · ") || "không có"}`, "meta"),
      button("Viết câu trả lời", () => openCurate({ question: g.questions[0], chunkId: g.closest[0]?.chunkId ?? "", quote: g.closest[0]?.quote ?? "" })));
    refused.append(item);
  }
}

$("curate").addEventListener("submit", async (event) => {
  event.preventDefault();
  const body = JSON.stringify({
    question: $("cq").value, answer: $("ca").value, citations: [{ chunkId: $("cc").value.trim(), quote: $("cx").value.trim() }],
    phrasings: $("cp").value.split("\n").map((s) => s.trim()).filter(Boolean),
  });
  const response = await fetch("/admin/api/curated", { method: "POST", body, headers: { "x-csrf-token": csrf, "content-type": "application/json" }, credentials: "same-origin" });
  const data = await response.json().catch(() => ({ error: `Lỗi ${response.status}` }));
  $("curate-result").className = response.ok ? "ok" : "error";
  $("curate-result").textContent = response.ok ? `Đã duyệt câu trả lời cho «${data.curated.question}».` : `Chưa duyệt được: ${data.error}`;
  if (response.ok) $("curate").hidden = true;
  await refresh();
});
$("curate-cancel").addEventListener("click", () => ($("curate").hidden = true));

async function loadStats() {
  const { ok, data } = await api("GET", "/admin/api/stats");
  const list = $("missed");
  list.replaceChildren();
  if (!ok) return;
  if (data.mostMissed.length === 0) list.append(line("Chưa có cuộc thi nào kết thúc.", "meta"));
  for (const m of data.mostMissed) list.append(Object.assign(document.createElement("li"), { textContent: `${m.question} — đúng ${m.correct}/${m.answered} (${Math.round(m.rate * 100)}%)` }));
  for (const img of document.querySelectorAll("#stats-title ~ img")) img.src = img.src.split("?")[0] + "?t=" + Date.now();
}

const refresh = () => Promise.all([loadDocuments(), loadAudit(), loadCurated(), loadReview(), loadStats()]);

$("upload").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  for (const [key, value] of [...form.entries()]) if (typeof value === "string" && !value.trim()) form.delete(key);
  $("upload-result").className = "";
  $("upload-result").textContent = "Đang nạp tài liệu…";
  const { ok, data } = await api("POST", "/admin/api/documents", form);
  $("upload-result").className = ok ? "ok" : "error";
  $("upload-result").textContent = ok
    ? `${data.status === "updated" ? "Đã cập nhật" : "Đã thêm"}: ${data.documents.map((d) => [d.title, d.number && `số ${d.number}`, d.date].filter(Boolean).join(", ")).join("; ")} — ${data.passages} đoạn${data.warnings.length ? `. Lưu ý: ${data.warnings.join("; ")}` : ""}`
    : `Không nạp được: ${data.reason ?? data.error}`;
  if (ok) event.target.reset();
  await refresh();
});

$("logout").addEventListener("click", async () => {
  await api("POST", "/admin/logout");
  location.reload();
});

refresh();
