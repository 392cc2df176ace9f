/** Counts are grouped as the English number format groups them. */
import { describe, expect, it } from 'vitest';
import { formatCount } from '../scripts/count-format.js';

describe('formatCount', () => {
  it('says what Intl.NumberFormat says for whole numbers', () => {
    const english = new Intl.NumberFormat('en-GB');
    for (const count of [0, 1, 7, 99, 999, 1000, 1001, 9999, 12_345, 100_000, 999_999, 1_234_567, 1_000_000_000]) {
      expect(formatCount(count)).toBe(english.format(count));
    }
  });
});
