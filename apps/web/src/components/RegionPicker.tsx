import { useEffect, useId, useState } from 'react';
import { regions, type Region } from '../api';
import { useI18n } from '../i18n/i18n';
import { Options } from './ui';

interface Props {
  legend: string;
  value: string;
  onChange(code: string): void;
  /** 'county': only a county is a value; 'any': the deepest level chosen (filters). */
  mode?: 'county' | 'any';
  error?: string;
  optional?: boolean;
  /** A code to start from (e.g. an officer's jurisdiction); levels above it are fixed. */
  rootCode?: string;
  compact?: boolean;
}

function splitCode(code: string): [string, string, string] {
  if (!/^\d{6}$/.test(code)) return ['', '', ''];
  const prov = `${code.slice(0, 2)}0000`;
  const pref = code.endsWith('0000') ? '' : `${code.slice(0, 4)}00`;
  const county = code.endsWith('00') ? '' : code;
  return [prov, pref, county];
}

function useRegionList(parentCode: string | null, level: Region['level']): Region[] {
  const [list, setList] = useState<Region[]>([]);
  useEffect(() => {
    let live = true;
    if (parentCode === '') {
      setList([]);
      return;
    }
    regions
      .list(parentCode ? { parentCode } : { level })
      .then((r) => live && setList(r.filter((x) => x.level === level || parentCode !== null)))
      .catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, [parentCode, level]);
  return list;
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

/** Province → prefecture → county, each a labelled select (GB/T 2260 codes). */
export function RegionPicker({ legend, value, onChange, mode = 'county', error, optional, compact }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [initProv, initPref, initCounty] = splitCode(value);
  const [prov, setProv] = useState(initProv);
  const [pref, setPref] = useState(initPref);
  const [county, setCounty] = useState(initCounty);

  // Follow a value set from outside (a reset, a loaded record).
  useEffect(() => {
    const [p, f, c] = splitCode(value);
    const current = county || pref || prov;
    if (value !== current && (mode === 'any' || value === '' || c)) {
      setProv(p);
      setPref(f);
      setCounty(c);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const provinces = useRegionList(null, 'province');
  const prefectures = useRegionList(prov || '', 'prefecture');
  const counties = useRegionList(pref || '', 'county');

  const empty = mode === 'any' ? t('region.all') : t('region.choose');
  // A choice clears the levels below it.
  const choose = (p: string, f: string, c: string) => {
    setProv(p);
    setPref(f);
    setCounty(c);
    onChange(mode === 'county' ? c : c || f || p);
  };
  const levels = [
    { level: 'p', label: t('region.province'), value: prov, regions: provinces, invalid: !!error && !prov, onChange: (v: string) => choose(v, '', '') },
    { level: 'f', label: t('region.prefecture'), value: pref, regions: prefectures, disabled: !prov, invalid: !!error && !!prov && !pref, onChange: (v: string) => choose(prov, v, '') },
    { level: 'c', label: t('region.county'), value: county, regions: counties, disabled: !pref, invalid: !!error && !county, onChange: (v: string) => choose(prov, pref, v) },
  ];

  return (
    <fieldset className={`region-picker${compact ? ' region-picker--compact' : ''}${error ? ' field--error' : ''}`} aria-describedby={error ? `${id}-err` : undefined}>
      <legend>
        {legend}
        {optional && <span className="field__optional"> ({t('common.optional')})</span>}
      </legend>
      <div className="region-picker__row">
        {levels.map(({ level, ...l }) => (
          <LevelSelect key={level} id={`${id}-${level}`} empty={empty} {...l} />
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
