import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { CreateListingDto } from './dto/listing.dto';
import { currencyExponent, DEFAULT_CURRENCY, minorToMajorString, parseMajorToMinor } from '@farmlink/shared';

/** Bulk import limits: larger files are refused with 413 before anything is read into listings. */
export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_MAX_ROWS = 1000;

/** The template's columns, in order (the web app offers them as a CSV with an English or a Chinese header row). */
export const IMPORT_COLUMNS = ['sku', 'title', 'category', 'unit', 'netWeightGrams', 'price', 'stock', 'description', 'harvestDate'] as const;

/** Header names accepted for each field (case and spaces ignored): the English keys, the Chinese template's names, and weightKg. */
const HEADER_ALIASES: Record<string, string> = {
  sku: 'sku', 货号: 'sku', 商品编码: 'sku', 编码: 'sku',
  title: 'title', 标题: 'title', 名称: 'title',
  category: 'category', 分类: 'category', 类别: 'category',
  unit: 'unit', 单位: 'unit',
  netweightgrams: 'netWeightGrams', '净重(克)': 'netWeightGrams', '净重（克）': 'netWeightGrams', 净重克: 'netWeightGrams',
  weightkg: 'weightKg', weight: 'weightKg', '重量(千克)': 'weightKg', '重量（千克）': 'weightKg', '净重(千克)': 'weightKg', '净重（千克）': 'weightKg',
  price: 'price', '价格(元)': 'price', '价格（元）': 'price', 价格: 'price', 单价: 'price',
  stock: 'stock', 库存: 'stock',
  description: 'description', 描述: 'description', 说明: 'description',
  harvestdate: 'harvestDate', 采收日期: 'harvestDate', 收获日期: 'harvestDate',
};

export interface ImportFieldError {
  field: string;
  message: string;
}

/** One data row: its number in the file (the header is row 1), the listing it makes, or its errors. */
export interface ImportRow {
  row: number;
  listing: CreateListingDto | null;
  title: string | null;
  sku: string | null;
  errors: ImportFieldError[];
}

export class ImportFileError extends Error {
  constructor(message: string, readonly kind: 'unreadable' | 'too_many_rows') {
    super(message);
  }
}

/** Reads a CSV (UTF-8, with or without BOM) or an XLSX (by its content) into header-keyed string records. */
export async function readImportFile(bytes: Buffer): Promise<{ headers: string[]; records: { row: number; cells: string[] }[] }> {
  let table: string[][];
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    table = await readXlsx(bytes);
  } else {
    if (bytes.includes(0)) throw new ImportFileError('The file is neither a UTF-8 CSV nor an XLSX workbook', 'unreadable');
    try {
      table = parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as string[][];
    } catch (err) {
      throw new ImportFileError(`The CSV cannot be read: ${(err as Error).message}`, 'unreadable');
    }
  }
  const [headerRow, ...rest] = table;
  if (!headerRow) throw new ImportFileError('The file is empty: the first row must name the columns (download the template)', 'unreadable');
  const headers = headerRow.map((h) => HEADER_ALIASES[String(h).trim().toLowerCase().replace(/\s+/g, '')] ?? String(h).trim());
  if (!headers.includes('title')) throw new ImportFileError('The first row must name the columns, among them "title" (download the template)', 'unreadable');
  const records = rest
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter((r) => r.cells.some((c) => String(c ?? '').trim() !== '')); // blank lines are not rows
  if (records.length > IMPORT_MAX_ROWS) throw new ImportFileError(`At most ${IMPORT_MAX_ROWS} rows per file (this one has ${records.length})`, 'too_many_rows');
  return { headers, records };
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportFileError(`The workbook cannot be read: ${(err as Error).message}`, 'unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    out[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(out, (r) => r ?? []);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    return '';
  }
  return String(v);
}

/**
 * A price cell in the currency's major units → minor units, by the currency's exponent: "48.00" or
 * "¥48" CNY → 4800, "25000" UGX → 25000; null unless a plain amount with at most the currency's decimals.
 */
export function priceToMinor(text: string, currency: string = DEFAULT_CURRENCY): number | null {
  const t = text.replace(/^[¥￥]/, '').trim();
  if (!/^\d{1,12}(?:\.\d+)?$/.test(t)) return null;
  return parseMajorToMinor(t, currency);
}

/** What a refused price cell should have held, in the currency's words. */
function priceMessage(currency: string): string {
  if (currency === DEFAULT_CURRENCY) return 'price must be in yuan with at most two decimals, e.g. 48.00';
  const exp = currencyExponent(currency);
  const example = minorToMajorString(48 * 10 ** exp, currency);
  return exp === 0 ? `price must be a whole number of ${currency}, e.g. ${example}` : `price must be in ${currency} with at most ${exp} decimals, e.g. ${example}`;
}

/** "2.5" kg → 2500 g; null unless a number with at most three decimals. */
export function kgToGrams(text: string): number | null {
  const m = /^(\d{1,6})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

function wholeNumber(text: string): number | string {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t === '' ? (undefined as unknown as string) : t;
}

/** Turns each record into a CreateListingDto checked by the same rules as POST /api/listings, or its errors. */
export async function validateImportRows(headers: string[], records: { row: number; cells: string[] }[], currency: string = DEFAULT_CURRENCY): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for (const { row, cells } of records) {
    const raw: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) raw[h] = String(cells[i] ?? '');
    });
    const errors: ImportFieldError[] = [];
    const plain: Record<string, unknown> = {
      title: raw.title,
      category: raw.category?.trim(),
      unit: raw.unit,
      description: raw.description?.trim() ? raw.description : undefined,
      harvestDate: raw.harvestDate?.trim() ? raw.harvestDate.trim() : undefined,
      stock: raw.stock === undefined ? undefined : wholeNumber(raw.stock),
      sku: raw.sku?.trim() ? raw.sku.trim() : undefined,
    };
    if (raw.netWeightGrams?.trim()) plain.netWeightGrams = wholeNumber(raw.netWeightGrams);
    else if (raw.weightKg?.trim()) {
      const grams = kgToGrams(raw.weightKg);
      if (grams === null) errors.push({ field: 'weightKg', message: 'weightKg must be a number of kilograms with at most three decimals' });
      else plain.netWeightGrams = grams;
    }
    if (raw.price?.trim()) {
      const minor = priceToMinor(raw.price, currency);
      if (minor === null) errors.push({ field: 'price', message: priceMessage(currency) });
      else plain.priceCents = minor;
    } else errors.push({ field: 'price', message: 'price should not be empty' });
    const dto = plainToInstance(CreateListingDto, plain);
    for (const e of await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false })) {
      if (e.property === 'priceCents' && errors.some((x) => x.field === 'price')) continue;
      if (e.property === 'netWeightGrams' && errors.some((x) => x.field === 'weightKg')) continue;
      const field = e.property === 'priceCents' ? 'price' : e.property;
      for (const message of Object.values(e.constraints ?? {})) errors.push({ field, message });
    }
    out.push({
      row,
      listing: errors.length === 0 ? dto : null,
      title: typeof raw.title === 'string' ? raw.title.trim() || null : null,
      sku: raw.sku?.trim() || null,
      errors,
    });
  }
  // A SKU names one listing: a second row with it in the same file is an error.
  const firstRowOf = new Map<string, number>();
  for (const r of out) {
    if (!r.sku) continue;
    const first = firstRowOf.get(r.sku);
    if (first === undefined) firstRowOf.set(r.sku, r.row);
    else {
      r.errors.push({ field: 'sku', message: `sku ${r.sku} is already in row ${first} of this file` });
      r.listing = null;
    }
  }
  return out;
}
