import type { AuthUser } from '@farmlink/common';
import type { Role } from '@farmlink/shared';
import type { OrderRow } from './order.repository';

/**
 * Who may see and act on an order — decided here and nowhere else. Every
 * query that returns or locks orders (order.repository.ts) filters with
 * `orderVisibleSql`, and every change is allowed by `mayActOnOrder`:
 *  - a buyer sees their own orders;
 *  - a farmer sees the orders they sell, themselves or as the manager of the
 *    seller cooperative;
 *  - officers and admins see every order.
 * An order the caller may not see is answered 404, like an unknown id.
 */

/** SQL over the alias `o`, with the caller's id as $1: is the caller the seller of record (the farmer, or the cooperative's manager)? */
export const CALLER_IS_SELLER_SQL = `(o.seller_type = 'farmer' AND o.seller_id = $1
  OR o.seller_type = 'cooperative' AND o.seller_id IN (SELECT id FROM cooperatives WHERE manager_id = $1))`;

/** SQL over the alias `o`, with the caller's id as $1: may the caller see the order? */
export function orderVisibleSql(role: Role): string {
  switch (role) {
    case 'buyer':
      return `o.buyer_id = $1`;
    case 'farmer':
      return CALLER_IS_SELLER_SQL;
    default:
      return `$1::uuid IS NOT NULL`; // officers and admins see every order
  }
}

export type OrderAction = 'cancel' | 'ship' | 'deliver' | 'refund';

/** May the caller, who can see the order (and is its seller when `isSeller`), do this to it? */
export function mayActOnOrder(caller: AuthUser, order: OrderRow, isSeller: boolean, action: OrderAction): boolean {
  const isBuyer = order.buyerId === caller.id;
  switch (action) {
    case 'cancel':
      return isBuyer || isSeller || caller.role === 'admin';
    case 'ship':
      return isSeller;
    case 'deliver':
      return isBuyer;
    case 'refund':
      return isSeller || caller.role === 'admin';
  }
}
