import { randomFillSync } from 'node:crypto';

const hex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const pool = Buffer.alloc(64 * 1024);
let offset = pool.length;

/**
 * A UUID v7 (time-ordered, like every id the portal makes) for the rows a batch stages, drawn from
 * a pooled random buffer: a batch makes millions of ids, and a system call per few of them showed
 * as the largest cost of reading one.
 */
export function stagedId(): string {
  if (offset + 10 > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const ms = Date.now();
  const high = Math.floor(ms / 0x1_0000_0000);
  const low = ms >>> 0;
  const r = pool;
  const o = offset;
  offset += 10;
  return (
    hex[(high >>> 8) & 0xff]! +
    hex[high & 0xff]! +
    hex[(low >>> 24) & 0xff]! +
    hex[(low >>> 16) & 0xff]! +
    '-' +
    hex[(low >>> 8) & 0xff]! +
    hex[low & 0xff]! +
    '-' +
    hex[0x70 | (r[o]! & 0x0f)]! +
    hex[r[o + 1]!]! +
    '-' +
    hex[0x80 | (r[o + 2]! & 0x3f)]! +
    hex[r[o + 3]!]! +
    '-' +
    hex[r[o + 4]!]! +
    hex[r[o + 5]!]! +
    hex[r[o + 6]!]! +
    hex[r[o + 7]!]! +
    hex[r[o + 8]!]! +
    hex[r[o + 9]!]!
  );
}
