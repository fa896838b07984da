/** Who sells an order or a listing: a farmer alone, or a cooperative (then seller of record). */
export const SELLER_TYPES = ['farmer', 'cooperative'] as const;
export type SellerType = (typeof SELLER_TYPES)[number];

/** The most units one listing may hold in stock (the column is a 32-bit integer). */
export const MAX_LISTING_STOCK = 100_000_000;

/**
 * A listing's life: `archived` is deleted by its farmer but kept for history;
 * `removed` is taken down by an admin (404 to all but its farmer, who sees the
 * reason); `suspended` is hidden while its farmer's account is suspended.
 */
export const LISTING_STATUSES = ['active', 'paused', 'archived', 'removed', 'suspended'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** A farmer's place in a cooperative. */
export const MEMBER_ROLES = ['manager', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
