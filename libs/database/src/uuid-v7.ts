import { randomFillSync } from 'node:crypto';

/** Random bytes drawn 4 KiB at a time (as crypto.randomUUID does): one system call per 256 ids, not one per id. */
const POOL = Buffer.alloc(4096);
let offset = POOL.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A time-ordered UUID (RFC 9562 version 7): 48 bits of Unix milliseconds, then
 * random bits. Rows inserted together land on the same B-tree pages instead of
 * random ones, so insert-heavy tables (checkouts, orders, their lines,
 * payments) write fewer index pages and full-page images.
 */
export function uuidV7(now: number = Date.now()): string {
  if (offset + 10 > POOL.length) {
    randomFillSync(POOL);
    offset = 0;
  }
  const r = offset;
  offset += 10;
  const h = (i: number) => HEX[POOL[r + i]];
  // 48 bits of milliseconds, as 12 hex digits.
  const ms = now.toString(16).padStart(12, '0').slice(-12);
  return (
    `${ms.slice(0, 8)}-${ms.slice(8, 12)}-` +
    `${HEX[(POOL[r] & 0x0f) | 0x70]}${h(1)}-` +
    `${HEX[(POOL[r + 2] & 0x3f) | 0x80]}${h(3)}-` +
    `${h(4)}${h(5)}${h(6)}${h(7)}${h(8)}${h(9)}`
  );
}
