import { parseMinorUnits } from '@farmlink/shared';

/**
 * pg answers `bigint` and `numeric` columns as text. This is the one mapping
 * from such columns of a row (money in minor units, or large counts) to safe
 * integers: `const toOrder = moneyMapper<OrderRow>('totalCents', 'refundedCents')`,
 * then `rows.map(toOrder)`. It throws rather than round a value JavaScript
 * cannot hold exactly.
 */
export function moneyMapper<T extends object>(...fields: (keyof T)[]): (row: T) => T {
  return (row: T): T => {
    const out = { ...row } as Record<keyof T, unknown>;
    for (const f of fields) out[f] = parseMinorUnits(row[f] as unknown as string | number | null);
    return out as T;
  };
}
