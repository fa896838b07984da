import { DEFAULT_MARKET, type RegionLevel } from '@farmlink/shared';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { regions, type Market, type Region } from '../api';
import { useI18n, type Translate } from '../i18n/i18n';
import { marketLevels, useMarket } from '../state/market';
import { Options } from './ui';

interface Props {
  legend: string;
  value: string;
  onChange(code: string): void;
  /** 'county': only a region of the market's lowest level is a value; 'any': the deepest level chosen (filters). */
  mode?: 'county' | 'any';
  error?: string;
  optional?: boolean;
  /** The market whose regions to offer (GET /api/markets); default the current market (the user's, or the shop's choice). */
  market?: string;
  compact?: boolean;
}

/** A code's chain from the top level down, one entry per level ('' below the code's own level). */
type Chain = string[];

/** The default market's fast path: GB/T 2260 codes hold their parents (province: first two digits, prefecture: four). */
function splitGbCode(code: string): Chain {
  if (!/^\d{6}$/.test(code)) return ['', '', ''];
  const prov = `${code.slice(0, 2)}0000`;
  const pref = code.endsWith('0000') ? '' : `${code.slice(0, 4)}00`;
  const county = code.endsWith('00') ? '' : code;
  return [prov, pref, county];
}

/** `code` with its parents, placed by level (GET /api/regions/:code; the default market's codes are split at once); undefined while loading. */
function useChainOf(code: string, market: Market, levels: RegionLevel[]): Chain | undefined {
  const gb = market.code === DEFAULT_MARKET;
  const [loaded, setLoaded] = useState<{ code: string; chain: Chain }>();
  useEffect(() => {
    if (gb || !code) return;
    let live = true;
    const place = (found: Region[]): Chain => levels.map((level) => found.find((r) => r.level === level)?.code ?? '');
    regions
      .get(code)
      .then((r) => live && setLoaded({ code, chain: place([...(r.parents ?? []), r]) }))
      .catch(() => live && setLoaded({ code, chain: place([]) }));
    return () => {
      live = false;
    };
  }, [code, gb, levels]);
  if (gb) return splitGbCode(code);
  if (!code) return levels.map(() => '');
  return loaded?.code === code ? loaded.chain : undefined;
}

/**
 * Each level's choices: the market's top level, then the children of the region chosen above
 * (GET /api/regions?market=&parentCode=; answers are cached, so asking again is free).
 */
function useLevelLists(market: string, levels: RegionLevel[], chain: Chain): Region[][] {
  const [lists, setLists] = useState<Region[][]>([]);
  const key = chain.join(',');
  useEffect(() => {
    let live = true;
    // The default market's requests stay as they were (and share the browser's cache).
    const scope = market === DEFAULT_MARKET ? {} : { market };
    const load = (i: number): Promise<Region[]> => {
      if (i === 0) return regions.list({ ...scope, level: levels[0] }).then((r) => r.filter((x) => x.level === levels[0]));
      const parent = chain[i - 1];
      return parent ? regions.list({ ...scope, parentCode: parent }) : Promise.resolve([]);
    };
    Promise.all(levels.map((_, i) => load(i).catch((): Region[] => []))).then((all) => live && setLists(all));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [market, levels, key]);
  return lists;
}

/** A level's label: the market's name for it, in the reader's language where there is a message (region.county), else as the market writes it. */
export function levelLabel(t: Translate, has: (key: string) => boolean, market: Market, level: RegionLevel): string {
  const name = market.levelNames?.[level] ?? level;
  const key = `region.${name.replace(/[-\s]+(\w)/g, (_, c: string) => c.toUpperCase())}`;
  return has(key) ? t(key as Parameters<Translate>[0]) : name.charAt(0).toUpperCase() + name.slice(1);
}

/** One level's labelled select. */
function LevelSelect(props: { id: string; label: string; empty: string; value: string; regions: Region[]; disabled?: boolean; invalid: boolean; onChange(code: string): void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} disabled={props.disabled} aria-invalid={props.invalid || undefined} onChange={(e) => props.onChange(e.target.value)}>
        <Options empty={props.empty} options={props.regions.map((r) => ({ value: r.code, label: r.name }))} />
      </select>
    </div>
  );
}

/**
 * A region of a market, one labelled select per level the market has, top first: for China
 * (GB/T 2260) province → prefecture → county; for Kenya one select of its 47 counties. Each level
 * lists the children of the region chosen above it.
 */
export function RegionPicker({ market: marketCode, ...props }: Props) {
  const markets = useMarket();
  const market = marketCode ? markets.market(marketCode) : markets.current;
  // Another market is another set of levels: start afresh.
  return <MarketRegionPicker key={market.code} market={market} {...props} />;
}

function MarketRegionPicker({ legend, value, onChange, mode = 'county', error, optional, compact, market }: Omit<Props, 'market'> & { market: Market }) {
  const { t, has } = useI18n();
  const levelKey = Object.keys(market.levelNames ?? {}).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const levels = useMemo(() => marketLevels(market), [levelKey]);
  const id = useId();
  const fromValue = useChainOf(value, market, levels);
  const [chain, setChain] = useState<Chain>(() => fromValue ?? levels.map(() => ''));
  const emitted = useRef<string | null>(null);

  // Follow a value set from outside (a reset, a loaded record); not the value this picker just gave.
  const fromValueKey = fromValue?.join(',');
  useEffect(() => {
    if (!fromValue || value === emitted.current) return;
    const complete = fromValue[fromValue.length - 1] !== '';
    if (value !== deepest(chain) && (mode === 'any' || value === '' || complete)) setChain(fromValue);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromValueKey]);

  const lists = useLevelLists(market.code, levels, chain);
  const empty = mode === 'any' ? t('region.all') : t('region.choose');
  // A choice clears the levels below it.
  const choose = (i: number, code: string) => {
    const next = levels.map((_, j) => (j < i ? chain[j] : j === i ? code : ''));
    setChain(next);
    emitted.current = mode === 'county' ? next[next.length - 1] : deepest(next);
    onChange(emitted.current);
  };
  const last = levels.length - 1;

  return (
    <fieldset className={`region-picker${compact ? ' region-picker--compact' : ''}${error ? ' field--error' : ''}`} aria-describedby={error ? `${id}-err` : undefined}>
      <legend>
        {legend}
        {optional && <span className="field__optional"> ({t('common.optional')})</span>}
      </legend>
      <div className={`region-picker__row region-picker__row--${levels.length}`}>
        {levels.map((level, i) => (
          <LevelSelect
            key={level}
            id={`${id}-${level}`}
            label={levelLabel(t, has, market, level)}
            empty={empty}
            value={chain[i] ?? ''}
            regions={lists[i] ?? []}
            disabled={i > 0 && !chain[i - 1]}
            invalid={!!error && !chain[i] && (i === 0 || i === last || !!chain[i - 1])}
            onChange={(code) => choose(i, code)}
          />
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The lowest region chosen in a chain. */
function deepest(chain: Chain): string {
  return [...chain].reverse().find(Boolean) ?? '';
}

/** The name of a region with its parents, e.g. "贵州省 遵义市 桐梓县". */
export function RegionName({ code, short }: { code: string | null | undefined; short?: boolean }) {
  const [name, setName] = useState<string>('');
  useEffect(() => {
    let live = true;
    if (!code) return;
    regions
      .get(code)
      .then((r) => live && setName(short ? r.name : [...(r.parents ?? []).map((p) => p.name), r.name].join(' ')))
      .catch(() => live && setName(code));
    return () => {
      live = false;
    };
  }, [code, short]);
  return <>{name || code || ''}</>;
}
