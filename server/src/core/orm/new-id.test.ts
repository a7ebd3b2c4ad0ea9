import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newId } from './base.entity.js';

describe('newId', () => {
  it('makes valid v7 UUIDs that sort in the order they were made, none twice', () => {
    // Far more than one pool of random bytes (256 ids), and many ids within each millisecond.
    const ids = Array.from({ length: 20_000 }, () => newId());
    expect(ids.every((id) => validate(id) && version(id) === 7)).toBe(true);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the current millisecond', () => {
    const before = Date.now();
    const id = newId();
    const msecs = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    // The counter may have carried into the next millisecond after a burst, never further back.
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('draws fresh random bytes for every id', () => {
    const tails = new Set(Array.from({ length: 1_000 }, () => newId().slice(-12)));
    expect(tails.size).toBe(1_000);
  });
});
