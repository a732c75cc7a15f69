// Trợ lý Dân vận — web chat. Plain JavaScript, no external library or CDN (the machine may be offline).
const log = document.getElementById("log");
const form = document.getElementById("composer");
const input = document.getElementById("input");
const session = localStorage.getItem("tldv-session") || Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
localStorage.setItem("tldv-session", session);

function add(className, build) {
  const li = document.createElement("li");
  li.className = `msg ${className}`;
  build(li);
  log.appendChild(li);
  li.scrollIntoView({ block: "end" });
  return li;
}

function text(parent, value) {
  const p = document.createElement("div");
  p.textContent = value;
  parent.appendChild(p);
}

function options(parent, list) {
  if (!list || !list.length) return;
  const box = document.createElement("div");
  box.className = "options";
  for (const option of list) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = option.label;
    b.addEventListener("click", () => send(option.value, option.label));
    box.appendChild(b);
  }
  parent.appendChild(box);
}

function source(parent, citation) {
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = `[${citation.n}] ${citation.label}`;
  details.appendChild(summary);
  if (citation.also) {
    // The same words in other documents (near-duplicates collapsed into this source).
    const also = document.createElement("span");
    also.className = "also";
    also.textContent = citation.also;
    summary.appendChild(also);
  }
  const quote = document.createElement("blockquote");
  quote.textContent = "Đang tải nguyên văn…";
  details.appendChild(quote);
  details.addEventListener("toggle", async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = "1";
    try {
      const response = await fetch(`/api/passage/${encodeURIComponent(citation.chunkId)}`);
      const body = await response.json().catch(() => ({}));
      quote.textContent = response.ok && body.text ? body.text : body.error || "Không tải được nguyên văn. Bấm lại để thử lần nữa.";
    } catch {
      quote.textContent = "Không tải được nguyên văn (mất kết nối). Bấm lại để thử lần nữa.";
    }
    if (quote.textContent.startsWith("Không tải được")) delete details.dataset.loaded;
  });
  parent.appendChild(details);
}

/** 👍 / 👎 under an answer: recorded for trainers to review (and to approve a corrected answer). */
function feedback(parent, answerId) {
  const row = document.createElement("div");
  row.className = "feedback";
  for (const [label, vote, name] of [["👍", 1, "Câu trả lời hữu ích"], ["👎", -1, "Câu trả lời chưa đúng"]]) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", name);
    b.addEventListener("click", async () => {
      const response = await fetch("/api/feedback", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session, answerId, vote }) }).catch(() => undefined);
      const data = response ? await response.json().catch(() => ({})) : {};
      row.textContent = data.thanks || data.error || "Không gửi được góp ý (mất kết nối).";
    });
    row.appendChild(b);
  }
  parent.appendChild(row);
}

function render(reply) {
  add("bot", (li) => {
    if (reply.kind === "answer") {
      text(li, reply.answer);
      if (reply.citations.length) {
        const box = document.createElement("section");
        box.className = "sources";
        const h = document.createElement("h2");
        h.textContent = "Nguồn (bấm để xem nguyên văn)";
        box.appendChild(h);
        for (const c of reply.citations) source(box, c);
        li.appendChild(box);
      }
      options(li, (reply.suggestions || []).map((s) => ({ label: `🔎 ${s}`, value: s })));
      if (reply.answerId && reply.grade !== "none") feedback(li, reply.answerId);
    } else if (reply.kind === "passage") {
      text(li, `Nguồn ${reply.n}: ${reply.citation}`);
      const q = document.createElement("blockquote");
      q.textContent = reply.text;
      li.appendChild(q);
    } else if (reply.kind === "documents") {
      text(li, `Kho tài liệu có ${reply.documents.length} văn bản:`);
      const ol = document.createElement("ol");
      for (const d of reply.documents) {
        const item = document.createElement("li");
        item.textContent = [d.title, d.kind, d.number && `số ${d.number}`, d.date, `${d.chunks} đoạn`, d.standing].filter(Boolean).join(" · ");
        ol.appendChild(item);
      }
      li.appendChild(ol);
    } else if (reply.kind === "file") {
      const a = document.createElement("a");
      a.href = reply.url;
      a.download = reply.fileName;
      a.textContent = `📄 Tải về: ${reply.caption} (${reply.fileName})`;
      li.appendChild(a);
    } else {
      text(li, reply.text);
      options(li, reply.options);
    }
  });
}

async function send(value, shown) {
  add("me", (li) => text(li, shown || value));
  try {
    const response = await fetch("/api/message", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ session, text: value }) });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || "Lỗi máy chủ");
    for (const reply of body.replies) render(reply);
  } catch (error) {
    add("bot error", (li) => text(li, `Không gửi được: ${error.message}`));
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const value = input.value.trim();
  if (!value) return;
  input.value = "";
  send(value);
});
input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});
for (const b of document.querySelectorAll("[data-send]")) b.addEventListener("click", () => send(b.dataset.send, b.textContent));
add("bot", (li) => text(li, "Xin chào! Tôi trả lời câu hỏi về công tác dân vận bằng cách trích dẫn tài liệu, kèm nguồn. Hãy gõ câu hỏi, hoặc chọn một chức năng ở trên."));
