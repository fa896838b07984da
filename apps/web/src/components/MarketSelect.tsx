import type { SelectHTMLAttributes } from 'react';
import type { Market } from '../api';
import { useI18n } from '../i18n/i18n';
import { useMarket } from '../state/market';

/** "Kenya · KES": a market by its country's name in the reader's language, and its currency. */
export function marketName(market: Market, locale: string): string {
  let country = market.country;
  try {
    country = new Intl.DisplayNames([locale], { type: 'region' }).of(market.country) ?? market.country;
  } catch {
    /* an engine without region names: the ISO code */
  }
  return `${country} · ${market.currency}`;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;

/** A select of the markets this deployment serves (label it where it is used; Field's id and descriptions pass through). */
export function MarketSelect({ value, onChange, ...select }: SelectProps & { id: string; value: string; onChange(code: string): void }) {
  const { locale } = useI18n();
  const { markets } = useMarket();
  return (
    <select name="market" {...select} value={value} onChange={(e) => onChange(e.target.value)}>
      {markets.map((m) => (
        <option key={m.code} value={m.code}>
          {marketName(m, locale)}
        </option>
      ))}
    </select>
  );
}

/** The shop's market switcher: shown only when the deployment serves more than one market. */
export function MarketSwitcher({ onSwitch }: { onSwitch?(code: string): void }) {
  const { t } = useI18n();
  const { several, current, setCurrent } = useMarket();
  if (!several) return null;
  return (
    <div className="field field--inline market-switch">
      <label htmlFor="shop-market">{t('market.shopIn')}</label>
      <MarketSelect
        id="shop-market"
        value={current.code}
        onChange={(code) => {
          setCurrent(code);
          onSwitch?.(code);
        }}
      />
    </div>
  );
}
