import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '@farmlink/database/columns';

export const MEMBER_ROLES = ['manager', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A farmer cooperative (农民专业合作社) in one county, run by its manager. */
@Entity({ name: 'cooperatives' })
export class Cooperative {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 6, name: 'county_code' })
  countyCode: string;

  @Column({ type: 'text', name: 'registration_no', nullable: true })
  registrationNo: string | null;

  @Column({ type: 'uuid', name: 'manager_id' })
  managerId: string;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

/** A farmer's membership of a cooperative. A farmer may belong to several. */
@Entity({ name: 'cooperative_members' })
export class CooperativeMember {
  @PrimaryColumn({ type: 'uuid', name: 'cooperative_id' })
  cooperativeId: string;

  @PrimaryColumn({ type: 'uuid', name: 'farmer_id' })
  farmerId: string;

  @Column({ type: 'text' })
  role: MemberRole;

  @Column({ type: 'timestamptz', name: 'joined_at' })
  joinedAt: Date;
}
