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
