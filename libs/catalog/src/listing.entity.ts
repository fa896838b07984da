import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Category } from '@farmlink/shared';
import { CreatedAtColumn, MoneyColumn, UpdatedAtColumn } from '@farmlink/database/columns';

/**
 * `removed`: taken down by an admin (404 to all but its farmer, who sees the
 * reason); `suspended`: hidden while its farmer's account is suspended.
 */
export const LISTING_STATUSES = ['active', 'paused', 'archived', 'removed', 'suspended'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Produce offered by a farmer, alone or through a cooperative (then the seller of record). */
@Entity({ name: 'listings' })
export class Listing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'farmer_id' })
  farmerId: string;

  @Column({ type: 'uuid', name: 'cooperative_id', nullable: true })
  cooperativeId: string | null;

  /** The producer's county (from the users table, never from the request). */
  @Column({ type: 'char', length: 6, name: 'county_code' })
  countyCode: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text' })
  category: Category;

  @Column({ type: 'text' })
  unit: string;

  /** Weight of one unit. */
  @Column({ type: 'integer', name: 'net_weight_grams' })
  netWeightGrams: number;

  /** Price of one unit, in minor units. */
  @MoneyColumn({ name: 'price_cents' })
  priceCents: number;

  @Column({ type: 'char', length: 3, default: 'CNY' })
  currency: string;

  /** Whole units in stock. */
  @Column({ type: 'integer' })
  stock: number;

  @Column({ type: 'date', name: 'harvest_date', nullable: true })
  harvestDate: string | null;

  @Column({ type: 'text', default: 'active' })
  status: ListingStatus;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;
}

/** One photo of a listing; the sized images live in the photo store under `storageKey`. */
@Entity({ name: 'listing_photos' })
export class ListingPhoto {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'listing_id' })
  listingId: string;

  /** 0 to 7: the order in which the photos show. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text', name: 'storage_key' })
  storageKey: string;

  @Column({ type: 'text', name: 'content_type' })
  contentType: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'integer' })
  bytes: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
