import { formatMoney, unitName } from '@farmlink/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useMarket } from '../state/market';
import { en, type MessageKey } from './en';

/** A language: the name of its message file here (zh.ts → 'zh'). */
export type Lang = string;
export type { MessageKey };
type Messages = Partial<Record<MessageKey, string>>;

/**
 * Every message file beside this one: `<code>.ts` exports its messages as `<code>` (en.ts: `en`;
 * en-KE.ts: `en_KE`).
 * Adding a language is adding such a file; keys it lacks fall back to English.
 */
const DICTS: Record<Lang, Messages> = Object.fromEntries(
  Object.entries(import.meta.glob<Record<string, unknown>>('./*.ts', { eager: true })).flatMap(([file, mod]) => {
    const code = /^\.\/([\w-]+)\.ts$/.exec(file)?.[1];
    const messages = code ? mod[code.replace('-', '_')] : undefined;
    return code && messages && typeof messages === 'object' ? [[code, messages as Messages]] : [];
  }),
);
/** The languages there are messages for. */
export const LANGS: readonly Lang[] = Object.keys(DICTS).sort();
const STORAGE_KEY = 'farmlink.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  locale: string;
  /** The languages the current market offers (its locales that have messages), its first first. */
  langs: Lang[];
  setLang(lang: Lang): void;
  t: Translate;
  /** Whether `key` is a message (e.g. a market's level name that has a translation). */
  has(key: string): key is MessageKey;
  /** An amount in its currency from integer minor units. */
  money(cents: number | null | undefined, currency?: string): string;
  date(iso: string | null | undefined, withTime?: boolean): string;
  number(n: number, digits?: number): string;
  /** A selling unit in the reader's language when it is a known one (libs/shared units.ts), else as typed. */
  unit(unit: string): string;
}

/** The message file for a BCP 47 tag: one named by the whole tag (en-KE.ts), else by its language (zh-CN → zh). */
export function langOf(tag: string): Lang | undefined {
  const lower = tag.toLowerCase();
  return LANGS.find((l) => l.toLowerCase() === lower) ?? LANGS.find((l) => l.toLowerCase() === lower.split('-')[0]);
}

/** The languages for a market's locales, in its order, each once; English when none has messages. */
export function langsFor(locales: readonly string[]): Lang[] {
  const langs = [...new Set(locales.map(langOf).filter((l): l is Lang => l !== undefined))];
  return langs.length > 0 ? langs : ['en'];
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && saved in DICTS) return saved;
  } catch {
    /* storage may be blocked */
  }
  // As the API's prerendered front page decides (apps/api/src/web/first-screen.ts): Chinese for any Chinese browser.
  const langs = typeof navigator !== 'undefined' ? (navigator.languages ?? [navigator.language]) : [];
  return langs.some((l) => l?.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const text = DICTS[lang]?.[key] ?? en[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)) : text;
}

const I18nContext = createContext<I18n | null>(null);

/** The reader's language among those the current market offers (inside MarketProvider). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { current: market } = useMarket();
  const [chosen, setChosen] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setChosen(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
  }, []);
  const langs = useMemo(() => langsFor(market.locales), [market.locales]);
  // A language the market does not offer gives way to the market's first (the choice is kept for other markets).
  const lang = langs.includes(chosen) ? chosen : langs[0];
  const tag = translate(lang, 'language.tag');
  useEffect(() => {
    document.documentElement.lang = tag;
    // The API's prerendered front page (apps/api/src/web/first-screen.ts) comes in this language next time.
    document.cookie = `farmlink.lang=${lang}; path=/; max-age=31536000; samesite=lax`;
    document.title = translate(lang, 'app.title');
  }, [lang, tag]);

  const value = useMemo<I18n>(() => {
    // A market's own tag for the language (e.g. en-KE) formats its dates and numbers; English elsewhere as the browser's English.
    const marketTag = market.locales.find((l) => langOf(l) === lang && l.includes('-'));
    const locale = marketTag ?? (lang === 'en' && navigator.language?.startsWith('en') ? navigator.language : lang === 'en' ? 'en-GB' : tag);
    const dateFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    return {
      lang,
      locale,
      langs,
      setLang,
      t: (key, params) => translate(lang, key, params),
      has: (key): key is MessageKey => key in en,
      money: (cents, currency) => (cents === null || cents === undefined ? '—' : formatMoney(cents, currency)),
      date: (iso, withTime = false) => {
        if (!iso) return '—';
        // Calendar dates (YYYY-MM-DD) are local dates, not instants.
        const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : (withTime ? dateTimeFmt : dateFmt).format(d);
      },
      number: (n, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n),
      unit: (u) => unitName(u, lang === 'zh' ? 'zh' : 'en'),
    };
  }, [lang, langs, tag, market.locales, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
