import { DEFAULT_MARKET, REGION_LEVELS, type RegionLevel } from '@farmlink/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { markets as marketsApi, type Market } from '../api';
import { useAuth } from './auth';

const STORAGE_KEY = 'farmlink.market';
/** The last list of markets seen, so a returning visitor's first render already knows them. */
const LIST_KEY = 'farmlink.markets';

/** The default market as the API describes it, until GET /api/markets answers (and if it cannot). */
const FALLBACK: Market = {
  code: DEFAULT_MARKET,
  country: 'CN',
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  locales: ['zh-CN', 'en'],
  levelNames: { province: 'province', prefecture: 'prefecture', county: 'county' },
};

interface MarketState {
  /** Every market the deployment serves, the default first ([cn] until the API answers). */
  markets: Market[];
  /** Whether the deployment serves more than one market (the shop then shows a market switcher). */
  several: boolean;
  /** The shop's market: the visitor's choice (remembered), else the signed-in user's, else cn. */
  current: Market;
  setCurrent(code: string): void;
  /** A market by code; the default market for an unknown one. */
  market(code: string | null | undefined): Market;
  /** Settles once this visit's GET /api/markets has answered (or failed): the shop's first search waits for it. */
  ready: Promise<void>;
}

function savedList(): Market[] | null {
  try {
    const list = JSON.parse(localStorage.getItem(LIST_KEY) ?? 'null') as unknown;
    const valid = Array.isArray(list) && list.length > 0 && list.every((m: Partial<Market>) => typeof m?.code === 'string' && typeof m.currency === 'string' && Array.isArray(m.locales));
    return valid ? (list as Market[]) : null;
  } catch {
    return null;
  }
}

function savedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage may be blocked
  }
}

/** The levels a market's regions use, the top first (the default market's three when it names none). */
export function marketLevels(market: Market): RegionLevel[] {
  const levels = REGION_LEVELS.filter((l) => l in (market.levelNames ?? {}));
  return levels.length > 0 ? levels : [...REGION_LEVELS];
}

const MarketContext = createContext<MarketState | null>(null);

/** Loads GET /api/markets once per visit and keeps the shop's market. */
export function MarketProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [markets, setMarkets] = useState<Market[]>(() => savedList() ?? [FALLBACK]);
  const [chosen, setChosen] = useState<string | null>(savedChoice);
  const [ready] = useState(() =>
    marketsApi
      .list()
      .then((list) => {
        if (list.length === 0) return;
        setMarkets(list);
        try {
          localStorage.setItem(LIST_KEY, JSON.stringify(list));
        } catch {
          /* next visit asks again before knowing */
        }
      })
      .catch(() => undefined),
  );

  const setCurrent = useCallback((code: string) => {
    setChosen(code);
    try {
      localStorage.setItem(STORAGE_KEY, code);
    } catch {
      /* the choice holds for this visit */
    }
  }, []);

  const value = useMemo<MarketState>(() => {
    const byCode = (code: string | null | undefined) => (code ? markets.find((m) => m.code === code) : undefined);
    const fallback = byCode(DEFAULT_MARKET) ?? markets[0];
    return {
      markets,
      several: markets.length > 1,
      current: byCode(chosen) ?? byCode(user?.marketCode) ?? fallback,
      setCurrent,
      market: (code) => byCode(code) ?? fallback,
      ready,
    };
  }, [markets, chosen, user?.marketCode, setCurrent, ready]);

  const { several, current } = value;
  useEffect(() => {
    // The API prerenders the shop's front page of this market next time (apps/api/src/web/first-screen.ts).
    if (several) document.cookie = `farmlink.market=${current.code}; path=/; max-age=31536000; samesite=lax`;
  }, [several, current.code]);
  return <MarketContext.Provider value={value}>{children}</MarketContext.Provider>;
}

export function useMarket(): MarketState {
  const ctx = useContext(MarketContext);
  if (!ctx) throw new Error('useMarket outside MarketProvider');
  return ctx;
}
