import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@farmlink/shared';
import { CreatedAtColumn, UpdatedAtColumn } from '@farmlink/database/columns';

/**
 * Everyone who signs in. Farmers carry their county (a GB/T 2260 county code),
 * village and whether they are a registered poor household; officers may carry
 * a jurisdiction that limits the reports they see.
 */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text', name: 'password_hash', select: false })
  passwordHash: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'char', length: 6, name: 'county_code', nullable: true })
  countyCode: string | null;

  @Column({ type: 'text', nullable: true })
  village: string | null;

  @Column({ type: 'boolean', name: 'poverty_registered', default: false })
  povertyRegistered: boolean;

  @Column({ type: 'char', length: 6, name: 'jurisdiction_code', nullable: true })
  jurisdictionCode: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}
