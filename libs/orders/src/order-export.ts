import ExcelJS from 'exceljs';
import { csvCell, minorToMajorString, minorToSpreadsheetNumber, moneyHeader, moneyNumberFormat, xlsxCell, type OrderStatus } from '@farmlink/shared';
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
  { zh: '金额', en: 'Total', kind: 'money' },
  { zh: '已退款', en: 'Refunded', kind: 'money' },
  { zh: '快递', en: 'Carrier', kind: 'text' },
  { zh: '运单号', en: 'Tracking no.', kind: 'text' },
];

export interface ExportOrder extends OrderRow {
  buyerName: string;
}


/** "2026-12-02 10:31" in the time zone. */
function localTime(d: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** One order's cells (money as `amount(minor units, the order's currency)`), in the COLUMNS order. */
function cells(o: ExportOrder, lines: OrderLineRow[], lang: OrderExportLang, timeZone: string, amount: (minor: number, currency: string) => unknown): unknown[] {
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
    amount(o.totalCents, o.currency),
    amount(o.refundedCents, o.currency),
    o.carrier,
    o.trackingNo,
  ];
}

/** Money headers name `currency` ("金额（元）", "Total (CNY)", "金额（KES）", "Total (KES)"). */
const header = (lang: OrderExportLang, currency: string) => COLUMNS.map((c) => (c.kind === 'money' ? moneyHeader(c, currency, lang) : lang === 'en' ? c.en : c.zh));

/**
 * The export's currency: its orders' (a seller's orders are all in the seller's market, so in one
 * currency), else `fallback` (the seller's market's, for an empty file).
 */
function exportCurrency(orders: ExportOrder[], fallback: string): string {
  return orders[0]?.currency ?? fallback;
}

/**
 * CSV: UTF-8 with a byte-order mark (Excel shows Chinese), translated header row, one order a line,
 * money in the orders' currency with its decimals (yuan: two); text cells formula-safe.
 */
export function ordersToCsv(orders: ExportOrder[], lines: OrderLineRow[], lang: OrderExportLang, timeZone: string, currency = 'CNY'): string {
  const out = [header(lang, exportCurrency(orders, currency)).map(csvCell).join(',')];
  for (const o of orders) out.push(cells(o, lines.filter((l) => l.orderId === o.id), lang, timeZone, minorToMajorString).map(csvCell).join(','));
  return '\uFEFF' + out.join('\r\n') + '\r\n';
}

/** XLSX: one sheet, bold frozen header row, money as numbers in the currency's major units (yuan: #,##0.00; UGX: #,##0); text cells formula-safe. */
export async function ordersToXlsx(orders: ExportOrder[], lines: OrderLineRow[], lang: OrderExportLang, timeZone: string, currency = 'CNY'): Promise<Buffer> {
  const cur = exportCurrency(orders, currency);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'FarmLink';
  const ws = wb.addWorksheet(lang === 'en' ? 'Orders' : '订单');
  ws.addRow(header(lang, cur)).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const o of orders) ws.addRow(cells(o, lines.filter((l) => l.orderId === o.id), lang, timeZone, minorToSpreadsheetNumber).map(xlsxCell));
  COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.kind === 'money') col.numFmt = moneyNumberFormat(cur);
    col.width = i === 8 ? 40 : c.kind === 'text' ? 16 : 12;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
