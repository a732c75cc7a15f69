import { adminText as a } from "../messages.ts";
import { escapeMarkup } from "./escape.ts";

/** The console's pages: small HTML shells in Vietnamese, served from here (no CDN), the rest done by admin.js. */


function shell(title: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(title)}</title>
<link rel="stylesheet" href="/admin/admin.css">
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export function disabledPage(): string {
  return shell(a.title, `<h1>${escapeMarkup(a.title)}</h1><p>${escapeMarkup(a.disabled)}</p><p><a href="/">${escapeMarkup(a.backToChat)}</a></p>`);
}

export function loginPage(error?: string): string {
  return shell(a.title, `<h1>${escapeMarkup(a.title)}</h1>
<form method="post" action="/admin/login" class="card">
  <label for="password">${escapeMarkup(a.passwordLabel)}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required autofocus>
  ${error ? `<p class="error" role="alert">${escapeMarkup(error)}</p>` : ""}
  <button type="submit">${escapeMarkup(a.loginButton)}</button>
</form>
<p><a href="/">${escapeMarkup(a.backToChat)}</a></p>`);
}

/** A card holding one list the console script fills (`<ol id>`), titled for screen readers too. */
function listCard(id: string, title: string): string {
  return `<section class="card" aria-labelledby="${id}-title">
  <h2 id="${id}-title">${escapeMarkup(title)}</h2>
  <ol id="${id}"></ol>
</section>`;
}

export function consolePage(csrf: string): string {
  return shell(a.title, `<header><h1>${escapeMarkup(a.title)}</h1><button id="logout" type="button">${escapeMarkup(a.logoutButton)}</button></header>
<section class="card" aria-labelledby="upload-title">
  <h2 id="upload-title">${escapeMarkup(a.uploadTitle)}</h2>
  <form id="upload">
    <label for="file">${escapeMarkup(a.fileLabel)}</label>
    <input id="file" name="file" type="file" accept=".pdf,.docx,.txt,.md,.html,.htm" required>
    <details><summary>${escapeMarkup(a.optionalFields)}</summary>
      <label for="title">${escapeMarkup(a.fieldTitle)}</label><input id="title" name="title">
      <label for="number">${escapeMarkup(a.fieldNumber)}</label><input id="number" name="number" placeholder="09-QC/ĐU">
      <label for="date">${escapeMarkup(a.fieldDate)}</label><input id="date" name="date" type="date">
      <label for="issuer">${escapeMarkup(a.fieldIssuer)}</label><input id="issuer" name="issuer">
    </details>
    <button type="submit">${escapeMarkup(a.uploadButton)}</button>
  </form>
  <p id="upload-result" role="status" aria-live="polite"></p>
</section>
${listCard("documents", a.documentsTitle)}
<section class="card" aria-labelledby="curated-title">
  <h2 id="curated-title">${escapeMarkup(a.curatedTitle)}</h2>
  <ol id="curated"></ol>
  <form id="curate" hidden>
    <h3>Duyệt câu trả lời</h3>
    <label for="cq">Câu hỏi</label><input id="cq" name="question" required>
    <label for="cp">Cách hỏi khác (mỗi dòng một cách, không bắt buộc)</label><textarea id="cp" name="phrasings" rows="2"></textarea>
    <label for="ca">Câu trả lời</label><textarea id="ca" name="answer" rows="5" required></textarea>
    <label for="cc">Mã đoạn nguồn</label><input id="cc" name="chunkId" required>
    <label for="cx">Trích nguyên văn từ đoạn nguồn</label><textarea id="cx" name="quote" rows="2" required></textarea>
    <button type="submit">Duyệt</button> <button type="button" id="curate-cancel" class="secondary">Hủy</button>
  </form>
  <p id="curate-result" role="status" aria-live="polite"></p>
</section>
${listCard("downvoted", a.downvotedTitle)}
${listCard("refused", a.refusedTitle)}
<section class="card" aria-labelledby="stats-title">
  <h2 id="stats-title">${escapeMarkup(a.statsTitle)}</h2>
  <img src="/admin/charts/usage.svg" alt="${escapeMarkup(a.usageChart)}" width="720" height="300">
  <img src="/admin/charts/quizzes.svg" alt="${escapeMarkup(a.quizChart)}" width="720" height="300">
  <h3>${escapeMarkup(a.mostMissedTitle)}</h3>
  <ol id="missed"></ol>
</section>
${listCard("audit", a.auditTitle)}
<p><a href="/">${escapeMarkup(a.backToChat)}</a></p>`, `<meta name="csrf-token" content="${escapeMarkup(csrf)}"><script src="/admin/admin.js" defer></script>`);
}
