import ExcelJS from 'exceljs';
import type { OrderLineRow } from './order.repository';
import { ordersToCsv, ordersToXlsx, type ExportOrder } from './order-export';

/** The seller's orders export names the orders' currency and writes amounts by its exponent (#17). */
describe('orders export: money in the orders’ currency', () => {
  const order = (currency: string, totalCents: number, refundedCents = 0): ExportOrder =>
    ({
      id: `o-${currency}`, orderNo: 'FL-1', placedAt: new Date('2026-03-02T06:30:00Z'), status: 'paid', buyerName: 'Otieno',
      shippingAddress: { name: 'Otieno', phone: '+254 700 000000', countyCode: 'KE-30', line1: 'Moi Avenue 12' },
      totalCents, refundedCents, currency, carrier: null, trackingNo: null,
    }) as unknown as ExportOrder;
  const lines = (id: string): OrderLineRow[] => [{ orderId: id, title: 'Avocado', quantity: 2, unit: 'crate' } as unknown as OrderLineRow];

  it('CNY keeps 元 / CNY and two decimals', () => {
    const zh = ordersToCsv([order('CNY', 3990, 5)], lines('o-CNY'), 'zh-CN', 'Asia/Shanghai').replace(/^\uFEFF/, '').split('\r\n');
    expect(zh[0]).toContain(',金额（元）,已退款（元）,');
    expect(zh[1]).toContain(',2,39.90,0.05,');
    expect(ordersToCsv([], [], 'en', 'Asia/Shanghai').split('\r\n')[0]).toContain(',Total (CNY),Refunded (CNY),');
  });

  it('KES: headers name KES, two decimals; UGX: whole shillings; an empty file names the given currency', async () => {
    const ke = ordersToCsv([order('KES', 250105)], lines('o-KES'), 'zh-CN', 'Africa/Nairobi').replace(/^\uFEFF/, '').split('\r\n');
    expect(ke[0]).toContain(',金额（KES）,已退款（KES）,');
    expect(ke[1]).toContain(',2,2501.05,0.00,');
    const ug = ordersToCsv([order('UGX', 150000)], lines('o-UGX'), 'en', 'Africa/Kampala').split('\r\n');
    expect(ug[0]).toContain(',Total (UGX),Refunded (UGX),');
    expect(ug[1]).toContain(',2,150000,0,');
    expect(ordersToCsv([], [], 'en', 'Africa/Nairobi', 'KES').split('\r\n')[0]).toContain(',Total (KES),');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await ordersToXlsx([order('UGX', 150000)], lines('o-UGX'), 'en', 'Africa/Kampala')) as never);
    const ws = wb.getWorksheet('Orders')!;
    expect(ws.getRow(1).getCell(11).value).toBe('Total (UGX)');
    expect(ws.getRow(2).getCell(11).value).toBe(150000);
    expect(ws.getColumn(11).numFmt).toBe('#,##0');
  });
});
