import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A buyer's saved delivery address. */
export interface Address {
  id: string;
  name: string;
  phone: string;
  countyCode: string;
  line1: string;
  isDefault: boolean;
  createdAt: Date;
}

export interface AddressFields {
  name: string;
  phone: string;
  countyCode: string;
  line1: string;
}

const COLUMNS = `id, name, phone, county_code AS "countyCode", line1, is_default AS "isDefault", created_at AS "createdAt"`;

/**
 * All SQL about the address book. Every statement takes the owner's id, so an
 * address of another user is never found (404). Changes lock the owner's user
 * row first, so two changes of one book never race for the default.
 */
@Injectable()
export class AddressRepository {
  /** The owner's addresses: the default first, then oldest first. */
  list(m: EntityManager, userId: string): Promise<Address[]> {
    return m.query(`SELECT ${COLUMNS} FROM addresses WHERE user_id = $1 ORDER BY is_default DESC, created_at, id`, [userId]);
  }

  /** Serializes changes to one user's book (held until the transaction ends). */
  async lockBook(m: EntityManager, userId: string): Promise<void> {
    await m.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE`, [userId]);
  }

  async count(m: EntityManager, userId: string): Promise<number> {
    const rows = await m.query(`SELECT count(*)::int AS n FROM addresses WHERE user_id = $1`, [userId]);
    return rows[0].n;
  }

  async find(m: EntityManager, userId: string, id: string): Promise<Address | null> {
    const rows = await m.query(`SELECT ${COLUMNS} FROM addresses WHERE id = $1 AND user_id = $2`, [id, userId]);
    return rows[0] ?? null;
  }

  /** Clears the owner's default (before another address becomes it). */
  async clearDefault(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE addresses SET is_default = false, updated_at = now() WHERE user_id = $1 AND is_default`, [userId]);
  }

  async insert(m: EntityManager, userId: string, a: AddressFields, isDefault: boolean): Promise<Address> {
    const rows = await m.query(
      `INSERT INTO addresses (user_id, name, phone, county_code, line1, is_default) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [userId, a.name, a.phone, a.countyCode, a.line1, isDefault],
    );
    return rows[0];
  }

  /** Changes the given fields (undefined stays); answers the address, or null when the owner has no such address. */
  async update(m: EntityManager, userId: string, id: string, a: Partial<AddressFields> & { isDefault?: boolean }): Promise<Address | null> {
    const rows = await m.query(
      `WITH changed AS (
         UPDATE addresses SET name = COALESCE($3, name), phone = COALESCE($4, phone), county_code = COALESCE($5, county_code),
                line1 = COALESCE($6, line1), is_default = COALESCE($7, is_default), updated_at = now()
          WHERE id = $1 AND user_id = $2 RETURNING *)
       SELECT ${COLUMNS} FROM changed`,
      [id, userId, a.name ?? null, a.phone ?? null, a.countyCode ?? null, a.line1 ?? null, a.isDefault ?? null],
    );
    return rows[0] ?? null;
  }

  /** Deletes; answers whether the owner had it. */
  async delete(m: EntityManager, userId: string, id: string): Promise<boolean> {
    const rows = await m.query(`WITH gone AS (DELETE FROM addresses WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM gone`, [id, userId]);
    return rows.length > 0;
  }

  /** Makes the owner's oldest address other than `exceptId` the default (when the default goes away). */
  async promoteOldest(m: EntityManager, userId: string, exceptId: string | null): Promise<void> {
    await m.query(
      `UPDATE addresses SET is_default = true, updated_at = now()
        WHERE id = (SELECT id FROM addresses WHERE user_id = $1 AND id IS DISTINCT FROM $2 ORDER BY created_at, id LIMIT 1)`,
      [userId, exceptId],
    );
  }
}
