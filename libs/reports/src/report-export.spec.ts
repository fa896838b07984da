import ExcelJS from 'exceljs';
import type { SalesReportDto, SalesRowDto } from './dto/report.dto';
import { EXPORT_COLUMNS, neutraliseFormula, toCsv, toXlsx } from './report-export';

const row = (key: string, name: string, over: Partial<SalesRowDto> = {}): SalesRowDto => ({
  key, name, orders: 2, grossSalesCents: 5000, refundsCents: 700, netSalesCents: 4300, units: 3, weightKg: 1.5, weightGrams: 1500,
  buyers: 2, sellers: 1, producers: 1, povertyHouseholdSalesCents: 0, povertyHouseholds: 0, previousYearNetSalesCents: 9000,
  growthPct: -52.2, ...over,
});

const HOSTILE = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'];

const report = (rows: SalesRowDto[]): SalesReportDto => ({
  from: '2025-01-01', to: '2025-12-31', groupBy: 'county', regionCode: null, programmeId: null, timeZone: 'Asia/Shanghai',
  rows, totals: row('total', '合计'),
});

describe('report export: spreadsheet formulas', () => {
  it('puts an apostrophe before text that a spreadsheet would read as a formula, and only there', () => {
    for (const s of HOSTILE) expect(neutraliseFormula(s)).toBe(`'${s}`);
    for (const s of ['桐梓县', '2025-01', '520322', 'a=b', " '=x", '']) expect(neutraliseFormula(s)).toBe(s);
  });

  it('CSV: hostile names get the apostrophe (quoted when needed); negative numbers stay plain numbers', () => {
    const csv = toCsv(report(HOSTILE.map((name, i) => row(`52032${i}`, name, { netSalesCents: -100 - i }))));
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(','));
    expect(lines[1]).toBe(`520320,"'=HYPERLINK(""http://x"",""y"")",2,5000,700,-100,3,1.5,1500,2,1,1,0,0,9000,-52.2`);
    expect(lines[2]).toMatch(/^520321,'\+1\+2,2,5000,700,-101,/);
    expect(lines[3]).toMatch(/^520322,'-2\+3,/);
    expect(lines[4]).toMatch(/^520323,'@SUM\(A1\),/);
    expect(lines[5]).toMatch(/^520324,'\tcmd,/);
    expect(lines[6]).toMatch(/^520325,"'\r=1",/);
    // Every name cell starts with the apostrophe, quoted or not.
    for (const line of lines.slice(1, 7)) expect(line.slice(7)).toMatch(/^"?'/);
    expect(lines[7]).toBe('total,合计,2,5000,700,4300,3,1.5,1500,2,1,1,0,0,9000,-52.2');
  });

  it('XLSX: hostile names are text with the apostrophe; numbers, negative ones included, are numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(report(HOSTILE.map((name, i) => row(`52032${i}`, name))))) as never);
    const ws = wb.getWorksheet('Sales')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    HOSTILE.forEach((s, i) => {
      const values = (ws.getRow(i + 2).values as unknown[]).slice(1);
      // (XML turns a carriage return into a line feed; the apostrophe is what matters.)
      expect(String(values[header.indexOf('name')]).replace(/\n/g, '\r')).toBe(`'${s}`);
      expect(values[header.indexOf('growthPct')]).toBe(-52.2);
      expect(values[header.indexOf('netSalesCents')]).toBe(4300);
      expect(ws.getRow(i + 2).getCell(header.indexOf('name') + 1).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getRow(i + 2).getCell(header.indexOf('growthPct') + 1).type).toBe(ExcelJS.ValueType.Number);
    });
  });
});
