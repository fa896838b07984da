import ExcelJS from 'exceljs';
import type { SalesReportDto, SalesRowDto } from './dto/report.dto';

/** Column order of the CSV and XLSX exports (the JSON row fields). */
export const EXPORT_COLUMNS: (keyof SalesRowDto)[] = [
  'key', 'name', 'orders', 'grossSalesCents', 'refundsCents', 'netSalesCents', 'units', 'weightKg', 'weightGrams', 'buyers',
  'sellers', 'producers', 'povertyHouseholdSalesCents', 'povertyHouseholds', 'previousYearNetSalesCents', 'growthPct',
];

/**
 * A text cell that a spreadsheet would read as a formula (it begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, so
 * Excel, LibreOffice and Sheets show it as text. Numbers (negative ones
 * included) are never text cells and stay numbers.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  const s = neutraliseFormula(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An XLSX cell value: text neutralised as in the CSV, numbers and empty cells as they are. */
function xlsxCell(v: unknown): unknown {
  return typeof v === 'string' ? neutraliseFormula(v) : (v ?? null);
}

/**
 * UTF-8 with a byte-order mark (so Excel shows Chinese names), a header row,
 * one line per row and a last line keyed "total". Money in fen.
 */
export function toCsv(report: SalesReportDto): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const r of [...report.rows, report.totals]) lines.push(EXPORT_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** One sheet "Sales": header row, rows, then the totals row; numbers stay numbers. */
export async function toXlsx(report: SalesReportDto): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FarmLink';
  const ws = wb.addWorksheet('Sales');
  ws.addRow(EXPORT_COLUMNS);
  ws.getRow(1).font = { bold: true };
  for (const r of [...report.rows, report.totals]) ws.addRow(EXPORT_COLUMNS.map((c) => xlsxCell(r[c])));
  const info = wb.addWorksheet('Report');
  info.addRows(
    [
      ['from', report.from],
      ['to', report.to],
      ['groupBy', report.groupBy],
      ['regionCode', report.regionCode ?? ''],
      ['programmeId', report.programmeId ?? ''],
      ['timeZone', report.timeZone],
    ].map((row) => row.map(xlsxCell)),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
