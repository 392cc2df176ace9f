/** The `src` hash: documented normalisation, stable values. */
import { describe, expect, it } from 'vitest';
import { isSrcHash, normalizeForHash, srcHash } from '../../scripts/manuscript/src-hash.js';

describe('src hash', () => {
  it('is 8 hex digits, and the same value on every platform', () => {
    // Pinned: a change of the algorithm would make every confirmed translation stale.
    expect(srcHash('Text.')).toBe('f06dce27');
    expect(isSrcHash(srcHash('anything'))).toBe(true);
  });

  it('ignores line endings, re-wrapping, trailing spaces and the composition of accents', () => {
    const base = srcHash('Első sor,\nmásodik sor.\n\nÚj bekezdés.');
    expect(srcHash('Első sor,\r\nmásodik sor.\r\n\r\nÚj bekezdés.')).toBe(base);
    expect(srcHash('  Első sor, második   sor.  \n\n\n\nÚj bekezdés.\n')).toBe(base);
    expect(srcHash('Első sor,\nmásodik sor.\n\nÚj bekezdés.'.normalize('NFD'))).toBe(base);
    expect(normalizeForHash('a\n \nb\t c')).toBe('a\n\nb c');
  });

  it('changes with a word, a mark, a note or a paragraph break', () => {
    const base = srcHash('One claim.[^a]');
    expect(srcHash('One claim![^a]')).not.toBe(base);
    expect(srcHash('One claim.[^b]')).not.toBe(base);
    expect(srcHash('One claims.[^a]')).not.toBe(base);
    expect(srcHash('One\n\nclaim.[^a]')).not.toBe(base);
  });
});
