import { Column, ColumnOptions, CreateDateColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';
import { parseMinorUnits } from '@farmlink/shared';

/**
 * Money is stored as `bigint` minor units. pg returns bigint as a string; this
 * transformer turns it into a number and refuses values that a JavaScript
 * number cannot hold exactly.
 */
export const moneyTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : parseMinorUnits(value)),
};

export function MoneyColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: moneyTransformer, ...options });
}

/** Plain integer counts stored as bigint (e.g. aggregated units). */
export const bigintCountTransformer = moneyTransformer;

export function CreatedAtColumn(): PropertyDecorator {
  return CreateDateColumn({ type: 'timestamptz', name: 'created_at' });
}

export function UpdatedAtColumn(): PropertyDecorator {
  return UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' });
}
