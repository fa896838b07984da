import ExcelJS from 'exceljs';
import { csvCell, xlsxCell, type OrderStatus } from '@farmlink/shared';
import type { OrderLineRow, OrderRow } from './order.repository';

export type OrderExportLang = 'zh-CN' | 'en';

const STATUS: Record<OrderStatus, { zh: string; en: string }> = {
  pending_payment: { zh: '待付款', en: 'Awaiting payment' },
  paid: { zh: '待发货', en: 'Paid, to ship' },
  shipped: { zh: '已发货', en: 'Shipped' },
  delivered: { zh: '已收货', en: 'Delivered' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

type Kind = 'text' | 'money' | 'int';
const COLUMNS: { zh: string; en: string; kind: Kind }[] = [
  { zh: '订单号', en: 'Order no.', kind: 'text' },
  { zh: '下单时间', en: 'Placed at', kind: 'text' },
  { zh: '状态', en: 'Status', kind: 'text' },
  { zh: '买家', en: 'Buyer', kind: 'text' },
  { zh: '收货人', en: 'Recipient', kind: 'text' },
  { zh: '电话', en: 'Phone', kind: 'text' },
  { zh: '县代码', en: 'County code', kind: 'text' },
  { zh: '地址', en: 'Address', kind: 'text' },
  { zh: '商品', en: 'Items', kind: 'text' },
  { zh: '件数', en: 'Units', kind: 'int' },
  { zh: '金额（元）', en: 'Total (CNY)', kind: 'money' },
  { zh: '已退款（元）', en: 'Refunded (CNY)', kind: 'money' },
  { zh: '快递', en: 'Carrier', kind: 'text' },
  { zh: '运单号', en: 'Tracking no.', kind: 'text' },
];

export interface ExportOrder extends OrderRow {
  buyerName: string;
}

const fenToYuanText = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** "2026-12-02 10:31" in the time zone. */
function localTime(d: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** One order's cells (money as `yuan(fen)`), in the COLUMNS order. */
function cells(o: ExportOrder, lines: OrderLineRow[], lang: OrderExportLang, timeZone: string, yuan: (fen: number) => unknown): unknown[] {
  const items = lines.map((l) => `${l.title} × ${l.quantity} ${l.unit}`).join('; ');
  return [
    o.orderNo,
    localTime(o.placedAt, timeZone),
    lang === 'en' ? STATUS[o.status].en : STATUS[o.status].zh,
    o.buyerName,
    o.shippingAddress.name,
    o.shippingAddress.phone,
    o.shippingAddress.countyCode,
    o.shippingAddress.line1,
    items,
    lines.reduce((n, l) => n + l.quantity, 0),
    yuan(o.totalCents),
    yuan(o.refundedCents),
    o.carrier,
    o.trackingNo,
  ];
}

const header = (lang: OrderExportLang) => COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh));

/** CSV: UTF-8 with a byte-order mark (Excel shows Chinese), translated header row, one order a line, money in yuan; text cells formula-safe. */
export function ordersToCsv(orders: ExportOrder[], lines: OrderLineRow[], lang: OrderExportLang, timeZone: string): string {
  const out = [header(lang).map(csvCell).join(',')];
  for (const o of orders) out.push(cells(o, lines.filter((l) => l.orderId === o.id), lang, timeZone, fenToYuanText).map(csvCell).join(','));
  return '\uFEFF' + out.join('\r\n') + '\r\n';
}

/** XLSX: one sheet, bold frozen header row, money as numbers in yuan (format #,##0.00); text cells formula-safe. */
export async function ordersToXlsx(orders: ExportOrder[], lines: OrderLineRow[], lang: OrderExportLang, timeZone: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FarmLink';
  const ws = wb.addWorksheet(lang === 'en' ? 'Orders' : '订单');
  ws.addRow(header(lang)).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const o of orders) ws.addRow(cells(o, lines.filter((l) => l.orderId === o.id), lang, timeZone, (fen) => fen / 100).map(xlsxCell));
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.kind === 'money') col.numFmt = '#,##0.00';
    col.width = i === 8 ? 40 : c.kind === 'text' ? 16 : 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
