/**
 * Cells for CSV and XLSX exports, shared by every export (reports, the seller's orders).
 * A text cell that a spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`,
 * a tab or a carriage return) gets a leading `'`, so Excel, LibreOffice and Sheets show it as
 * text. Numbers (negative ones included) are never text cells and stay numbers.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** One CSV cell: empty for null, text neutralised and quoted when it holds a quote, comma or line break. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  const s = neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An XLSX cell value: text neutralised as in the CSV, numbers and empty cells as they are. */
export function xlsxCell(v: unknown): unknown {
  return typeof v === 'string' ? neutraliseFormula(v) : (v ?? null);
}
