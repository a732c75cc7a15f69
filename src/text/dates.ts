/** The date in Vietnam (YYYY-MM-DD) at an instant: texts take effect, and days are counted, on Vietnamese dates. */
export function vietnamDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
