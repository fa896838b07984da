import { DEFAULT_MARKET } from '@farmlink/shared';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Listing } from '../api';

/** A cart line keeps a snapshot of the listing so the cart shows at once, even offline. */
export interface CartLine {
  listingId: string;
  /** The listing's readable link when it was added (carts saved before slugs have none: the id link redirects). */
  slug?: string;
  quantity: number;
  title: string;
  priceCents: number;
  unit: string;
  stock: number;
  photoUrl?: string;
  /** Seller of record: the cooperative when there is one, else the farmer. One order per seller. */
  sellerKey: string;
  /** The seller of record's name (the cooperative's, else the farmer's), shown on each parcel. */
  sellerName?: string;
  countyCode: string;
  /** The listing's currency (its market's); carts saved before markets have none: CNY. */
  currency?: string;
  /** The listing's market; carts saved before markets have none: cn. */
  marketCode?: string;
}

const STORAGE_KEY = 'farmlink.cart';

interface CartState {
  lines: CartLine[];
  count: number;
  totalCents: number;
  /** The market of the cart's listings (a checkout never mixes markets): where its address is; undefined when empty. */
  market?: string;
  add(listing: Listing, quantity: number): void;
  setQuantity(listingId: string, quantity: number): void;
  remove(listingId: string): void;
  clear(): void;
}

function load(): CartLine[] {
  try {
    const lines = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as CartLine[];
    return Array.isArray(lines) ? lines.filter((l) => l && typeof l.listingId === 'string' && Number.isInteger(l.quantity) && l.quantity > 0) : [];
  } catch {
    return [];
  }
}

const CartContext = createContext<CartState | null>(null);

export function CartProvider({ children }: { children: ReactNode }) {
  const [lines, setLines] = useState<CartLine[]>(load);

  useEffect(() => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(lines));
    } catch {
      /* storage full or blocked: the cart still works for this visit */
    }
  }, [lines]);

  // Another tab changed the cart.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => e.key === STORAGE_KEY && setLines(load());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const add = useCallback((listing: Listing, quantity: number) => {
    setLines((prev) => {
      const existing = prev.find((l) => l.listingId === listing.id);
      const snapshot: Omit<CartLine, 'quantity'> = {
        listingId: listing.id,
        slug: listing.slug,
        title: listing.title,
        priceCents: listing.priceCents,
        unit: listing.unit,
        stock: listing.stock,
        photoUrl: listing.photos?.[0]?.thumbnailUrl ?? listing.photos?.[0]?.url,
        sellerKey: listing.cooperativeId ? `cooperative:${listing.cooperativeId}` : `farmer:${listing.farmerId}`,
        sellerName: (listing.cooperativeId ? listing.cooperativeName : listing.farmerName) ?? undefined,
        countyCode: listing.countyCode,
        currency: listing.currency,
        marketCode: listing.marketCode,
      };
      if (existing) {
        return prev.map((l) => (l.listingId === listing.id ? { ...snapshot, quantity: Math.min(l.quantity + quantity, Math.max(listing.stock, 1)) } : l));
      }
      return [...prev, { ...snapshot, quantity: Math.min(quantity, Math.max(listing.stock, 1)) }];
    });
  }, []);
  const setQuantity = useCallback((listingId: string, quantity: number) => {
    // Never more than the stock the listing had when it was added (the checkout checks it again).
    setLines((prev) => prev.map((l) => (l.listingId === listingId ? { ...l, quantity: Math.min(Math.max(1, Math.floor(quantity) || 1), Math.max(l.stock, 1)) } : l)));
  }, []);
  const remove = useCallback((listingId: string) => setLines((prev) => prev.filter((l) => l.listingId !== listingId)), []);
  const clear = useCallback(() => setLines([]), []);

  const value = useMemo<CartState>(
    () => ({
      lines,
      count: lines.reduce((n, l) => n + l.quantity, 0),
      totalCents: lines.reduce((n, l) => n + l.quantity * l.priceCents, 0),
      market: lines.length > 0 ? (lines[0].marketCode ?? DEFAULT_MARKET) : undefined,
      add,
      setQuantity,
      remove,
      clear,
    }),
    [lines, add, setQuantity, remove, clear],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCart(): CartState {
  const ctx = useContext(CartContext);
  if (!ctx) throw new Error('useCart outside CartProvider');
  return ctx;
}
