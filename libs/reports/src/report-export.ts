import ExcelJS from 'exceljs';
import {
  csvCell,
  DEFAULT_CURRENCY,
  minorToMajorString,
  minorToSpreadsheetNumber,
  moneyHeader,
  moneyNumberFormat,
  moneyUnitWords,
  neutraliseFormula,
  xlsxCell,
} from '@farmlink/shared';
import type { SalesReportDto, SalesRowDto } from './dto/report.dto';

/** The safe cells now live in @farmlink/shared (shared with the orders export); re-exported for existing callers. */
export { neutraliseFormula };

/** Column order of the CSV and XLSX exports (the JSON row fields). */
export const EXPORT_COLUMNS: (keyof SalesRowDto)[] = [
  'key', 'name', 'orders', 'grossSalesCents', 'refundsCents', 'netSalesCents', 'units', 'weightKg', 'weightGrams', 'buyers',
  'sellers', 'producers', 'povertyHouseholdSalesCents', 'povertyHouseholds', 'previousYearNetSalesCents', 'growthPct',
];

/**
 * UTF-8 with a byte-order mark (so Excel shows Chinese names), a header row,
 * one line per row and a last line keyed "total". Money in minor units of the report's currency (fen for CNY; the XLSX form names the currency on its Report sheet).
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
      ['currency', currencyOf(report)],
    ].map((row) => row.map(xlsxCell)),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/* ---------------------------------------------------------------------------------------------
 * The export for people: headers in the reader's language, money in the report's currency (its
 * market's: yuan with two decimals for cn, KES with two, UGX with none — by the currency's
 * exponent), and in XLSX a title with the range, the scope and the time of export. Asked for with `lang`;
 * without it (or with raw=1) the machine form above is written, as before.
 * ------------------------------------------------------------------------------------------- */

export const EXPORT_LANGS = ['zh-CN', 'en'] as const;
export type ExportLang = (typeof EXPORT_LANGS)[number];

/** What the title rows say besides the range: the scope in words and when the file was made. */
export interface ExportContext {
  lang: ExportLang;
  /** e.g. "贵州省 › 遵义市", or the whole country. */
  regionLabel: string;
  /** The programme's name, when the report is limited to one. */
  programmeName: string | null;
  /** The export's time, local to the report's time zone (YYYY-MM-DD HH:mm). */
  exportedAt: string;
}

type Kind = 'text' | 'money' | 'count' | 'kg' | 'pct';
interface HumanColumn {
  field: keyof SalesRowDto;
  kind: Kind;
  zh: string;
  en: string;
}

const GROUP_LABEL: Record<string, { zh: string; en: string }> = {
  county: { zh: '县', en: 'County' },
  prefecture: { zh: '市 / 州', en: 'City / prefecture' },
  province: { zh: '省份', en: 'Province' },
  month: { zh: '月份', en: 'Month' },
  category: { zh: '品类', en: 'Category' },
};

const BY_LABEL: Record<string, { zh: string; en: string }> = {
  county: { zh: '按县', en: 'by county' },
  prefecture: { zh: '按市 / 州', en: 'by city / prefecture' },
  province: { zh: '按省份', en: 'by province' },
  month: { zh: '按月份', en: 'by month' },
  category: { zh: '按品类', en: 'by category' },
};

/**
 * The human columns after the name (and, for regions, the code) column. Money headers are written
 * for the report's currency (humanHeader): "（元）" / "(CNY)" here are China's.
 */
export const HUMAN_COLUMNS: HumanColumn[] = [
  { field: 'orders', kind: 'count', zh: '订单数', en: 'Orders' },
  { field: 'grossSalesCents', kind: 'money', zh: '销售总额（元）', en: 'Gross sales (CNY)' },
  { field: 'refundsCents', kind: 'money', zh: '退款（元）', en: 'Refunds (CNY)' },
  { field: 'netSalesCents', kind: 'money', zh: '净销售额（元）', en: 'Net sales (CNY)' },
  { field: 'units', kind: 'count', zh: '件数', en: 'Units' },
  { field: 'weightKg', kind: 'kg', zh: '重量（公斤）', en: 'Weight (kg)' },
  { field: 'buyers', kind: 'count', zh: '买家数', en: 'Buyers' },
  { field: 'sellers', kind: 'count', zh: '卖家数', en: 'Sellers' },
  { field: 'producers', kind: 'count', zh: '生产者数', en: 'Producers' },
  { field: 'povertyHouseholdSalesCents', kind: 'money', zh: '贫困户销售额（元）', en: 'Poor-household sales (CNY)' },
  { field: 'povertyHouseholds', kind: 'count', zh: '贫困户数', en: 'Poor households' },
  { field: 'previousYearNetSalesCents', kind: 'money', zh: '上年同期净销售额（元）', en: 'Previous year net sales (CNY)' },
  { field: 'growthPct', kind: 'pct', zh: '同比增长（%）', en: 'Growth (%)' },
];

/** Category names as the web app shows them (apps/web/src/i18n: category.*). */
const CATEGORY_LABEL: Record<string, { zh: string; en: string }> = {
  grain: { zh: '粮油', en: 'Grain' },
  vegetables: { zh: '蔬菜', en: 'Vegetables' },
  fruit: { zh: '水果', en: 'Fruit' },
  tea: { zh: '茶叶', en: 'Tea' },
  livestock: { zh: '肉禽', en: 'Meat & livestock' },
  aquatic: { zh: '水产', en: 'Fish & aquatic' },
  eggs_dairy: { zh: '蛋奶', en: 'Eggs & dairy' },
  nuts_seeds: { zh: '坚果', en: 'Nuts & seeds' },
  herbs_fungi: { zh: '山珍菌菇', en: 'Herbs & mushrooms' },
  processed: { zh: '加工食品', en: 'Processed food' },
  handicraft: { zh: '手工艺品', en: 'Handicrafts' },
};

const isRegion = (groupBy: string) => groupBy === 'county' || groupBy === 'prefecture' || groupBy === 'province';
const pick = (lang: ExportLang, l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);

/** Fen as yuan with two decimals, by integer arithmetic ("13204.00", "-0.05"). */
export function fenToYuanText(fen: number): string {
  return minorToMajorString(fen, 'CNY');
}

/** The report's currency (its market's); CNY for a report without one. */
const currencyOf = (report: SalesReportDto): string => report.currency ?? DEFAULT_CURRENCY;

/** "销售总额（元）" → { zh: '销售总额', en: 'Gross sales' }: a money column's label without its unit. */
const bare = (l: { zh: string; en: string }) => ({ zh: l.zh.replace(/（元）$/, ''), en: l.en.replace(/ \(CNY\)$/, '') });

/** The header row of the human form, in `lang`; money headers name `currency` (CNY: "（元）" / "(CNY)", as before). */
export function humanHeader(groupBy: string, lang: ExportLang, currency: string = DEFAULT_CURRENCY): string[] {
  const first = pick(lang, GROUP_LABEL[groupBy] ?? GROUP_LABEL.county);
  return [
    ...(isRegion(groupBy) ? [lang === 'en' ? 'Code' : '代码'] : []),
    first,
    ...HUMAN_COLUMNS.map((c) => (c.kind === 'money' ? moneyHeader(bare(c), currency, lang) : pick(lang, c))),
  ];
}

/** One row's cells in the human form: the totals row is named "合计"/"Total"; the month and category are the name. */
function humanCells(report: SalesReportDto, r: SalesRowDto, lang: ExportLang, isTotal: boolean, yuan: (fen: number) => unknown): unknown[] {
  const category = report.groupBy === 'category' ? CATEGORY_LABEL[r.key] : undefined;
  const name = isTotal ? (lang === 'en' ? 'Total' : '合计') : category ? pick(lang, category) : r.name;
  const lead = isRegion(report.groupBy) ? [isTotal ? '' : r.key, name] : [name];
  return [
    ...lead,
    ...HUMAN_COLUMNS.map((c) => {
      const v = r[c.field];
      if (v === null || v === undefined) return null;
      return c.kind === 'money' ? yuan(v as number) : v;
    }),
  ];
}

/** The title of the human form: "FarmLink 销售报表（按县）". */
export function exportTitle(report: SalesReportDto, lang: ExportLang): string {
  const by = pick(lang, BY_LABEL[report.groupBy] ?? BY_LABEL.county);
  return lang === 'en' ? `FarmLink sales report (${by})` : `FarmLink 销售报表（${by}）`;
}

/** The lines under the title: range, scope, time of export. */
export function exportSubtitles(report: SalesReportDto, ctx: ExportContext): [string, string][] {
  const en = ctx.lang === 'en';
  const scope = ctx.programmeName ? `${ctx.regionLabel} · ${en ? 'programme' : '项目'} ${ctx.programmeName}` : ctx.regionLabel;
  return [
    [en ? 'Period' : '统计期间', en ? `${report.from} to ${report.to}` : `${report.from} 至 ${report.to}`],
    [en ? 'Scope' : '统计范围', scope],
    [en ? 'Exported' : '导出时间', `${ctx.exportedAt} (${report.timeZone})`],
    [en ? 'Money' : '金额单位', moneyUnitWords(currencyOf(report), ctx.lang)],
  ];
}

/**
 * CSV for people: UTF-8 with a byte-order mark, the header row first (translated), money in the
 * report's currency with its decimals (yuan: two), the totals row last. Text cells are neutralised
 * as in the machine form.
 */
export function toHumanCsv(report: SalesReportDto, ctx: ExportContext): string {
  const currency = currencyOf(report);
  const lines = [humanHeader(report.groupBy, ctx.lang, currency).map(csvCell).join(',')];
  const rows = [...report.rows.map((r) => [r, false] as const), [report.totals, true] as const];
  for (const [r, isTotal] of rows) lines.push(humanCells(report, r, ctx.lang, isTotal, (minor) => minorToMajorString(minor, currency)).map(csvCell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

const NUM_FMT: Record<Kind, string | undefined> = { text: undefined, money: '#,##0.00', count: '#,##0', kg: '#,##0.0##', pct: '0.0' };

/**
 * XLSX for people: a title row, the range, scope and time of export, then the translated header
 * row (frozen), the rows and a bold totals row. Money cells are numbers in the currency's major
 * units shown with its decimals (yuan, KES: #,##0.00; UGX: #,##0), so sums in the sheet work.
 */
export async function toHumanXlsx(report: SalesReportDto, ctx: ExportContext): Promise<Buffer> {
  const currency = currencyOf(report);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FarmLink';
  const ws = wb.addWorksheet(ctx.lang === 'en' ? 'Sales' : '销售报表');
  const header = humanHeader(report.groupBy, ctx.lang, currency);
  const lead = header.length - HUMAN_COLUMNS.length;
  const kinds: Kind[] = [...Array(lead).fill('text'), ...HUMAN_COLUMNS.map((c) => c.kind)];

  ws.addRow([neutraliseFormula(exportTitle(report, ctx.lang))]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, header.length);
  for (const [label, value] of exportSubtitles(report, ctx)) ws.addRow([label, xlsxCell(value)]);
  ws.addRow([]);
  const headerRow = ws.addRow(header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: 'middle' };
  ws.views = [{ state: 'frozen', ySplit: headerRow.number, xSplit: lead }];

  const rows = [...report.rows.map((r) => [r, false] as const), [report.totals, true] as const];
  for (const [r, isTotal] of rows) {
    const row = ws.addRow(humanCells(report, r, ctx.lang, isTotal, (minor) => minorToSpreadsheetNumber(minor, currency)).map(xlsxCell));
    if (isTotal) row.font = { bold: true };
  }
  kinds.forEach((kind, i) => {
    const col = ws.getColumn(i + 1);
    const format = kind === 'money' ? moneyNumberFormat(currency) : NUM_FMT[kind];
    if (format) col.numFmt = format;
    col.width = kind === 'text' ? (i === lead - 1 ? 18 : 10) : kind === 'money' ? 16 : 11;
  });
  // The title and subtitle cells are text: no number format on them.
  for (let n = 1; n < headerRow.number; n++) ws.getRow(n).eachCell((cell) => (cell.numFmt = '@'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
