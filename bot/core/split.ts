/**
 * Splitting long replies into messages a platform accepts, for every channel: plain text (Zalo, the
 * terminal) and already-rendered HTML (Telegram), always at the most natural boundary that fits.
 */

const SEPARATORS = ["\n\n", "\n", ". ", " "];

/** Cuts a text at paragraph, then line, then sentence, then word boundaries into pieces of at most `limit`. */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  for (const separator of SEPARATORS) {
    const pieces: string[] = [];
    let current = "";
    for (const part of text.split(separator)) {
      const next = current ? `${current}${separator}${part}` : part;
      if (next.length > limit && current) {
        pieces.push(current.trimEnd());
        current = part;
      } else current = next;
    }
    if (current) pieces.push(current.trimEnd());
    if (pieces.every((p) => p.length <= limit)) return pieces.filter((p) => p.trim().length > 0);
  }
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += limit) pieces.push(text.slice(i, i + limit));
  return pieces;
}

/** Joins pieces with blank lines into as few messages of at most `limit` characters as possible. */
export function joinPieces(pieces: string[], limit: number): string[] {
  const messages: string[] = [];
  let current = "";
  for (const piece of pieces) {
    const next = current ? `${current}\n\n${piece}` : piece;
    if (next.length > limit && current) {
      messages.push(current);
      current = piece;
    } else current = next;
  }
  if (current) messages.push(current);
  return messages;
}

/**
 * Splits rendered HTML into messages of at most `limit` characters on paragraph, then line boundaries.
 * Renderers keep every tag within one line, so no tag is cut; an over-long line is cut at a space,
 * never inside an entity ("&amp;") or a tag.
 */
export function splitHtml(html: string, limit: number): string[] {
  if (html.length <= limit) return [html];
  const pieces = html.split("\n\n").flatMap((p) => (p.length <= limit ? [p] : p.split("\n").flatMap((line) => (line.length <= limit ? [line] : cutHtmlLine(line, limit)))));
  return joinPieces(pieces, limit);
}

function cutHtmlLine(line: string, limit: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = window.lastIndexOf(" ");
    if (cut < limit / 2) cut = limit;
    const amp = window.lastIndexOf("&", cut - 1);
    if (amp >= 0 && !window.slice(amp, cut).includes(";")) cut = amp;
    const lt = window.lastIndexOf("<", cut - 1);
    if (lt >= 0 && !window.slice(lt, cut).includes(">")) cut = lt;
    if (cut <= 0) cut = limit;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, "");
  }
  if (rest) out.push(rest);
  return out;
}
