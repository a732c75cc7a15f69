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

const refresh = () => Promise.all([loadDocuments(), loadAudit()]);

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
