import { orderMail, templates } from './templates';

describe('mail templates', () => {
  it('writes the reset mail in the user\'s language, as text and HTML, with the link escaped in HTML', () => {
    const link = 'https://farmlink.example/reset-password?token=abc&x=1';
    const en = templates.passwordReset('en', { name: 'Chen <Jing>', link, minutes: 30 });
    expect(en.subject).toBe('Reset your FarmLink password');
    expect(en.text).toContain(link);
    expect(en.text).toContain('30 minutes');
    expect(en.html).toContain('token=abc&amp;x=1');
    expect(en.html).toContain('Chen &lt;Jing&gt;');
    expect(en.html).not.toContain('<Jing>');
    const zh = templates.passwordReset('zh-CN', { name: '陈静', link, minutes: 30 });
    expect(zh.subject).toBe('重置您的 FarmLink 密码');
    expect(zh.text).toContain('30 分钟');
  });

  it('order mails name the order, the lines and what the event adds; a missing fact shows as a dash', () => {
    const m = orderMail('buyer_shipped', 'en', { name: 'Li', orderNo: '0190abcd', total: '¥79.80', lines: [{ title: 'Kiwi', quantity: 2 }], carrier: 'SF', trackingNo: null });
    expect(m.subject).toBe('Order 0190abcd has shipped');
    expect(m.text).toContain('with SF, tracking number —.');
    expect(m.text).toContain('- Kiwi × 2');
    expect(orderMail('seller_paid', 'zh-CN', { name: '王', orderNo: '1', total: '¥1.00', lines: [], shipTo: '陈静 13800000000' }).text).toContain('请发货至：陈静 13800000000');
  });
});
