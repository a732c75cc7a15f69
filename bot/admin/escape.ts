/** Text put in the console's HTML and SVG, in element content and attribute values alike. */
export const escapeMarkup = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
