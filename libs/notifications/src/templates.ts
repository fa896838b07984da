/** The languages mail is written in: a user's `locale`. */
export type MailLocale = 'zh-CN' | 'en';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A mail with one paragraph of text and one link, as text and as HTML. */
function withLink(subject: string, greeting: string, body: string, link: string, action: string, footer: string): RenderedMail {
  const text = `${greeting}\n\n${body}\n\n${link}\n\n${footer}\n`;
  const html =
    `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">` +
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>` +
    `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:10px 16px;background:#2f7d32;color:#fff;text-decoration:none;border-radius:6px">${escapeHtml(action)}</a></p>` +
    `<p style="color:#666;font-size:13px">${escapeHtml(link)}</p><p style="color:#666;font-size:13px">${escapeHtml(footer)}</p>` +
    `</body></html>`;
  return { subject, text, html };
}

export const templates = {
  passwordReset(locale: MailLocale, p: { name: string; link: string; minutes: number }): RenderedMail {
    return locale === 'en'
      ? withLink(
          'Reset your FarmLink password',
          `Hello ${p.name},`,
          `Someone (hopefully you) asked to reset the password of your FarmLink account. Open this link within ${p.minutes} minutes to choose a new password. It works once.`,
          p.link,
          'Choose a new password',
          'If you did not ask for this, ignore this mail: your password stays as it is.',
        )
      : withLink(
          '重置您的 FarmLink 密码',
          `${p.name}，您好：`,
          `有人（希望是您本人）申请重置您 FarmLink 账户的密码。请在 ${p.minutes} 分钟内打开下面的链接设置新密码，链接只能使用一次。`,
          p.link,
          '设置新密码',
          '如果不是您本人操作，请忽略本邮件，您的密码不会改变。',
        );
  },

  emailVerification(locale: MailLocale, p: { name: string; link: string }): RenderedMail {
    return locale === 'en'
      ? withLink(
          'Confirm your email address for FarmLink',
          `Hello ${p.name},`,
          'Welcome to FarmLink. Please confirm that this is your email address by opening the link below.',
          p.link,
          'Confirm my email',
          'If you did not create a FarmLink account, ignore this mail.',
        )
      : withLink(
          '请验证您在 FarmLink 的邮箱',
          `${p.name}，您好：`,
          '欢迎加入 FarmLink。请打开下面的链接，确认这是您的邮箱地址。',
          p.link,
          '验证邮箱',
          '如果您没有注册 FarmLink 账户，请忽略本邮件。',
        );
  },
};

/** What an order mail says about the order. */
export interface OrderMailFacts {
  name: string;
  orderNo: string;
  total: string;
  lines: { title: string; quantity: number }[];
  /** The delivery address, one line (seller's new-order mail). */
  shipTo?: string;
  carrier?: string | null;
  trackingNo?: string | null;
  reason?: string | null;
  refund?: string;
}

export type OrderMailKind = 'seller_paid' | 'buyer_paid' | 'buyer_shipped' | 'buyer_cancelled' | 'seller_cancelled' | 'buyer_refunded' | 'seller_refunded';

const ORDER_TEXT: Record<MailLocale, Record<OrderMailKind, { subject: string; body: string }>> = {
  en: {
    seller_paid: { subject: 'New paid order {no}: please ship', body: 'Order {no} is paid ({total}). Please ship it to: {shipTo}.' },
    buyer_paid: { subject: 'Payment received for order {no}', body: 'We received your payment of {total} for order {no}. The farm will ship it soon.' },
    buyer_shipped: { subject: 'Order {no} has shipped', body: 'Order {no} is on its way with {carrier}, tracking number {trackingNo}.' },
    buyer_cancelled: { subject: 'Order {no} was cancelled', body: 'Order {no} was cancelled: {reason}.' },
    seller_cancelled: { subject: 'Order {no} was cancelled: do not ship', body: 'Order {no} was cancelled: {reason}. Please do not ship it.' },
    buyer_refunded: { subject: 'Refund of {refund} for order {no}', body: 'A refund of {refund} for order {no} is on its way back to you.' },
    seller_refunded: { subject: 'Order {no} was refunded {refund}', body: 'A refund of {refund} was made for order {no}.' },
  },
  'zh-CN': {
    seller_paid: { subject: '新订单 {no} 已付款，请发货', body: '订单 {no} 已付款（{total}）。请发货至：{shipTo}。' },
    buyer_paid: { subject: '订单 {no} 已收到付款', body: '我们已收到您为订单 {no} 支付的 {total}，农户会尽快发货。' },
    buyer_shipped: { subject: '订单 {no} 已发货', body: '订单 {no} 已由 {carrier} 发出，运单号 {trackingNo}。' },
    buyer_cancelled: { subject: '订单 {no} 已取消', body: '订单 {no} 已取消：{reason}。' },
    seller_cancelled: { subject: '订单 {no} 已取消，请勿发货', body: '订单 {no} 已取消：{reason}。请不要发货。' },
    buyer_refunded: { subject: '订单 {no} 退款 {refund}', body: '订单 {no} 的退款 {refund} 正在退回给您。' },
    seller_refunded: { subject: '订单 {no} 已退款 {refund}', body: '订单 {no} 已退款 {refund}。' },
  },
};

/** An order mail: the event's sentence, then the lines of the order. */
export function orderMail(kind: OrderMailKind, locale: MailLocale, f: OrderMailFacts): RenderedMail {
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = { no: f.orderNo, total: f.total, shipTo: f.shipTo, carrier: f.carrier, trackingNo: f.trackingNo, reason: f.reason, refund: f.refund }[k];
      return v === undefined || v === null || v === '' ? '—' : String(v);
    });
  const t = ORDER_TEXT[locale][kind];
  const greeting = locale === 'en' ? `Hello ${f.name},` : `${f.name}，您好：`;
  const items = f.lines.map((l) => `${l.title} × ${l.quantity}`);
  const subject = fill(t.subject);
  const body = fill(t.body);
  const text = `${greeting}\n\n${body}\n\n${items.map((i) => `- ${i}`).join('\n')}\n\nFarmLink\n`;
  const html =
    `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">` +
    `<p>${escapeHtml(greeting)}</p><p>${escapeHtml(body)}</p>` +
    `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul><p style="color:#666;font-size:13px">FarmLink</p>` +
    `</body></html>`;
  return { subject, text, html };
}
