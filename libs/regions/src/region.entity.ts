import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RegionLevel } from '@farmlink/shared';

/** A GB/T 2260 administrative division: province, prefecture or county. */
@Entity({ name: 'regions' })
export class Region {
  @PrimaryColumn({ type: 'char', length: 6 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  level: RegionLevel;

  @Column({ type: 'char', length: 6, name: 'parent_code', nullable: true })
  parentCode: string | null;
}
