import ExcelJS from 'exceljs';
import type { SalesReportDto, SalesRowDto } from './dto/report.dto';
import { EXPORT_COLUMNS, fenToYuanText, neutraliseFormula, toCsv, toHumanCsv, toHumanXlsx, toXlsx, type ExportContext } from './report-export';

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

describe('report export for people (#16 item 3)', () => {
  const ctx = (lang: 'zh-CN' | 'en'): ExportContext => ({ lang, regionLabel: lang === 'en' ? 'Guizhou' : '贵州省 › 遵义市', programmeName: '示范县 2026', exportedAt: '2026-03-02 09:30' });
  const big = report([row('520322', '桐梓县', { grossSalesCents: 1320400, refundsCents: 5, netSalesCents: 1320395, povertyHouseholdSalesCents: 0, previousYearNetSalesCents: 0, growthPct: null })]);

  it('fen as yuan text with two decimals, by integer arithmetic', () => {
    expect([1320400, 5, 0, -5, -1320401, 99].map(fenToYuanText)).toEqual(['13204.00', '0.05', '0.00', '-0.05', '-13204.01', '0.99']);
  });

  it('CSV: translated header row first, money in yuan with two decimals, a named totals row', () => {
    const zh = toHumanCsv(big, ctx('zh-CN')).replace(/^\uFEFF/, '').split('\r\n');
    expect(zh[0]).toBe('代码,县,订单数,销售总额（元）,退款（元）,净销售额（元）,件数,重量（公斤）,买家数,卖家数,生产者数,贫困户销售额（元）,贫困户数,上年同期净销售额（元）,同比增长（%）');
    expect(zh[1]).toBe('520322,桐梓县,2,13204.00,0.05,13203.95,3,1.5,2,1,1,0.00,0,0.00,');
    expect(zh[2]).toBe(',合计,2,50.00,7.00,43.00,3,1.5,2,1,1,0.00,0,90.00,-52.2');
    const en = toHumanCsv(big, ctx('en')).split('\r\n');
    expect(en[0]).toMatch(/^\uFEFFCode,County,Orders,Gross sales \(CNY\),/);
    expect(en[2]).toMatch(/^,Total,/);
    // By category: the category's name in the language.
    const byCategory = toHumanCsv({ ...big, groupBy: 'category', rows: [row('tea', 'tea')] }, ctx('zh-CN')).split('\r\n');
    expect(byCategory[0]).toMatch(/^\uFEFF品类,订单数,/);
    expect(byCategory[1]).toMatch(/^茶叶,2,50\.00,/);
    // By month: no code column.
    expect(toHumanCsv({ ...big, groupBy: 'month' }, ctx('en')).split('\r\n')[0]).toMatch(/^\uFEFFMonth,Orders,/);
  });

  it('CSV: hostile names still get the apostrophe', () => {
    const csv = toHumanCsv(report(HOSTILE.map((name, i) => row(`52032${i}`, name))), ctx('zh-CN'));
    expect(csv).toContain(`520320,"'=HYPERLINK(""http://x"",""y"")",`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('XLSX: a title with range, scope and time; translated frozen header; yuan numbers with a two-decimal format; bold totals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toHumanXlsx(big, ctx('zh-CN'))) as never);
    const ws = wb.getWorksheet('销售报表')!;
    expect(ws.getCell('A1').value).toBe('FarmLink 销售报表（按县）');
    const texts = [2, 3, 4, 5].map((n) => `${ws.getCell(`A${n}`).value} ${ws.getCell(`B${n}`).value}`);
    expect(texts).toEqual(['统计期间 2025-01-01 至 2025-12-31', '统计范围 贵州省 › 遵义市 · 项目 示范县 2026', '导出时间 2026-03-02 09:30 (Asia/Shanghai)', '金额单位 元']);
    const headerRow = ws.getRow(7);
    const header = (headerRow.values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['代码', '县', '订单数', '销售总额（元）']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    const gross = ws.getRow(8).getCell(4);
    expect(gross.value).toBe(13204);
    expect(gross.type).toBe(ExcelJS.ValueType.Number);
    expect(gross.numFmt).toBe('#,##0.00');
    expect(ws.getRow(8).getCell(6).value).toBeCloseTo(13203.95, 10);
    expect(ws.getRow(8).getCell(15).value).toBeNull(); // growth without a previous year
    expect(ws.getRow(9).getCell(2).value).toBe('合计');
    expect(ws.getRow(9).font?.bold).toBe(true);
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await toHumanXlsx(big, ctx('en'))) as never);
    expect(en.getWorksheet('Sales')!.getCell('A1').value).toBe('FarmLink sales report (by county)');
  });
});

describe("report export for people in the market's currency (#17)", () => {
  const ctx = (lang: 'zh-CN' | 'en'): ExportContext => ({ lang, regionLabel: 'Kenya', programmeName: null, exportedAt: '2026-03-02 09:30' });
  const ke: SalesReportDto = {
    ...report([row('KE-32', 'Nandi', { grossSalesCents: 250105, refundsCents: 5, netSalesCents: 250100, povertyHouseholdSalesCents: 0, previousYearNetSalesCents: 0, growthPct: null })]),
    timeZone: 'Africa/Nairobi', marketCode: 'ke', currency: 'KES',
  };

  it('CSV: KES headers in both languages, amounts in shillings with two decimals', () => {
    const zh = toHumanCsv(ke, ctx('zh-CN')).replace(/^\uFEFF/, '').split('\r\n');
    expect(zh[0]).toBe('代码,县,订单数,销售总额（KES）,退款（KES）,净销售额（KES）,件数,重量（公斤）,买家数,卖家数,生产者数,贫困户销售额（KES）,贫困户数,上年同期净销售额（KES）,同比增长（%）');
    expect(zh[1]).toBe('KE-32,Nandi,2,2501.05,0.05,2501.00,3,1.5,2,1,1,0.00,0,0.00,');
    const en = toHumanCsv(ke, ctx('en')).replace(/^\uFEFF/, '').split('\r\n');
    expect(en[0]).toBe('Code,County,Orders,Gross sales (KES),Refunds (KES),Net sales (KES),Units,Weight (kg),Buyers,Sellers,Producers,Poor-household sales (KES),Poor households,Previous year net sales (KES),Growth (%)');
    expect(en.join('\n')).not.toMatch(/CNY|yuan|元/);
  });

  it('CSV: a currency without minor units (UGX, exponent 0) is written in whole shillings', () => {
    const ug = { ...ke, currency: 'UGX', rows: [row('UG-102', 'Kampala', { grossSalesCents: 150000, refundsCents: 0, netSalesCents: 150000 })] };
    const lines = toHumanCsv(ug, ctx('en')).split('\r\n');
    expect(lines[0]).toContain('Gross sales (UGX)');
    expect(lines[1]).toMatch(/^UG-102,Kampala,2,150000,0,150000,/);
  });

  it('XLSX: KES headers, the money line names Kenyan shillings, amounts are numbers in KES (#,##0.00); UGX has no decimals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toHumanXlsx(ke, ctx('zh-CN'))) as never);
    const ws = wb.getWorksheet('销售报表')!;
    expect(`${ws.getCell('A5').value} ${ws.getCell('B5').value}`).toBe('金额单位 肯尼亚先令（KES）');
    expect((ws.getRow(7).values as unknown[]).slice(1, 6)).toEqual(['代码', '县', '订单数', '销售总额（KES）', '退款（KES）']);
    expect(ws.getRow(8).getCell(4).value).toBeCloseTo(2501.05, 10);
    expect(ws.getRow(8).getCell(4).numFmt).toBe('#,##0.00');
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await toHumanXlsx(ke, ctx('en'))) as never);
    expect(en.getWorksheet('Sales')!.getCell('B5').value).toBe('Kenyan Shilling (KES)');

    const ug = new ExcelJS.Workbook();
    await ug.xlsx.load((await toHumanXlsx({ ...ke, currency: 'UGX' }, ctx('en'))) as never);
    const us = ug.getWorksheet('Sales')!;
    expect(us.getRow(8).getCell(4).value).toBe(250105);
    expect(us.getRow(8).getCell(4).numFmt).toBe('#,##0');
    expect(us.getRow(7).getCell(4).value).toBe('Gross sales (UGX)');
  });

  it('the machine XLSX names the currency on its Report sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(ke)) as never);
    const info = wb.getWorksheet('Report')!;
    expect(info.getRow(7).values).toEqual([undefined, 'currency', 'KES']);
  });
});
