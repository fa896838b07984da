import { currencyExponent } from './money';

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

/*
 * Money in exports, by the amounts' currency (its exponent: CNY and KES 2, UGX and RWF 0). China's
 * files keep their wording exactly: headers "（元）" / "(CNY)", the money line "元" / "yuan (CNY)".
 */

export type ExportLanguage = 'zh-CN' | 'en';

/** What a money column's header names, in brackets: 元 for CNY in Chinese, else the ISO code ("KES"). */
export function moneyHeaderUnit(currency: string, lang: ExportLanguage): string {
  return lang !== 'en' && currency === 'CNY' ? '元' : currency;
}

/** A money header: "销售总额（元）", "销售总额（KES）", "Gross sales (KES)". */
export function moneyHeader(label: { zh: string; en: string }, currency: string, lang: ExportLanguage): string {
  const unit = moneyHeaderUnit(currency, lang);
  return lang === 'en' ? `${label.en} (${unit})` : `${label.zh}（${unit}）`;
}

/** The currency in words for a file's "money" line: "元", "yuan (CNY)", "肯尼亚先令（KES）", "Kenyan Shilling (KES)". */
export function moneyUnitWords(currency: string, lang: ExportLanguage): string {
  if (currency === 'CNY') return lang === 'en' ? 'yuan (CNY)' : '元';
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([lang], { type: 'currency' }).of(currency);
  } catch {
    name = undefined; // a runtime without the names: the code alone
  }
  if (!name || name === currency) return currency;
  return lang === 'en' ? `${name} (${currency})` : `${name}（${currency}）`;
}

/** An amount as a spreadsheet number in major units (123456 KES → 1234.56; 1500 UGX → 1500), shown with moneyNumberFormat. */
export function minorToSpreadsheetNumber(minor: number, currency: string): number {
  return minor / 10 ** currencyExponent(currency);
}

/** The XLSX number format for the currency's amounts: "#,##0.00" (two decimals), "#,##0" (none). */
export function moneyNumberFormat(currency: string): string {
  const exp = currencyExponent(currency);
  return exp === 0 ? '#,##0' : `#,##0.${'0'.repeat(exp)}`;
}
